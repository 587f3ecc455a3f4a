/** What a measure gets from the runner. */
export type BenchContext = {
  /** Smaller sizes that fit in a couple of minutes; the result is labelled as quick. */
  quick: boolean;
  /** A scratch folder of this measure, removed after it. */
  workDir: string;
  /** A folder kept between runs, for generated databases. */
  cacheDir: string;
  /** Extra options from the command line (`--profile`). */
  options: ReadonlySet<string>;
  /** One line of progress for the person watching. */
  progress(message: string): void;
};

/** What a measure found: the figure its target is checked on, and how it was obtained. */
export type MeasureResult = {
  value: number;
  unit: string;
  /** How the value reads in the table, when the number and unit alone say too little. */
  display?: string;
  /** The reference measured in the same run, when the target is a ratio. */
  baseline?: { value: number; unit: string; what: string };
  ratio?: number;
  /** Further figures the target may check (`throughputMBps`). */
  figures?: Record<string, number>;
  /** How it was measured: sizes, method, caveats. */
  notes: string[];
};

/** One benchmark: a module in bench/measures/ named `<id>-<what>.ts` exporting `measure`. */
export type Measure = {
  id: string;
  run(ctx: BenchContext): Promise<MeasureResult>;
};
