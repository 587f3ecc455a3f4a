import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code loads on first render, so that what the analyst does not need at once
 * (the pending list, the account, sign-in) stays out of the popup's first paint.
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  return function Lazy(props: P) {
    const [Component, setComponent] = useState(() => loaded);
    useEffect(() => {
      if (Component) return;
      let mounted = true;
      loading ??= load().then((component) => {
        loaded = component;
        return component;
      });
      void loading.then((component) => mounted && setComponent(() => component));
      return () => {
        mounted = false;
      };
    }, [Component]);
    return Component ? <Component {...props} /> : <div aria-busy="true" />;
  };
}
