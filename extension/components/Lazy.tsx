import type { ComponentChildren, ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A component whose code loads on first render (or earlier, on `preload()`). */
export type LazyComponent<P extends object> = ComponentType<P> & {
  /** Starts loading the code now, so that the first render needs no wait. */
  preload(): Promise<unknown>;
};

/**
 * A component whose code loads on first render, so that what the analyst does not need at once
 * (the pending list, the account, sign-in) stays out of the popup's first paint. Until it has
 * loaded it shows `fallback` (a busy placeholder unless told otherwise).
 */
export function lazy<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: ComponentChildren = <div aria-busy="true" />,
): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () => {
    loading ??= load().then((component) => {
      loaded = component;
      return component;
    });
    return loading;
  };
  function Lazy(props: P) {
    const [Component, setComponent] = useState(() => loaded);
    useEffect(() => {
      if (Component) return;
      let mounted = true;
      void preload().then((component) => mounted && setComponent(() => component));
      return () => {
        mounted = false;
      };
    }, [Component]);
    return Component ? <Component {...props} /> : fallback;
  }
  return Object.assign(Lazy, { preload });
}
