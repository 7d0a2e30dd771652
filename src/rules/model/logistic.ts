/**
 * Plain L2-regularised logistic regression over named features: enough to
 * weigh a rule's signals from labelled notes instead of by hand, and small
 * enough to read. Fitting is deterministic (full-batch gradient descent from
 * zero, features in sorted order), so the same data always gives the same
 * weights.
 */
export type Features = Readonly<Record<string, number>>;

export interface Weights {
  /** The rule these weights belong to. */
  rule: string;
  bias: number;
  weights: Readonly<Record<string, number>>;
  /** Probability at or above which the rule fires. */
  threshold: number;
}

export interface Sample {
  features: Features;
  /** 1: the rule must fire; 0: it must stay quiet. */
  label: 0 | 1;
}

export interface FitOptions {
  /** L2 penalty on the weights (not the bias). */
  l2?: number;
  iterations?: number;
  learningRate?: number;
  threshold?: number;
  /**
   * Features whose weight may only be ≥ 0 ('for') or ≤ 0 ('against'): a signal
   * defined as evidence for the label never counts against it. Without this,
   * correlated signals on a few hundred notes trade weight and one of them
   * turns negative, which no unseen note bears out.
   */
  signs?: Readonly<Record<string, 'for' | 'against'>>;
  /** The sign constraint of every feature `signs` does not list (none by default). */
  unlistedSign?: 'for' | 'against';
  /**
   * Features present in fewer samples than this get no weight: a word one
   * writer used once says nothing about the next writer's notes. Default 1.
   */
  minSupport?: number;
}

export function probability(w: Weights, features: Features): number {
  let z = w.bias;
  for (const name in features) {
    const v = features[name] as number;
    if (v !== 0) z += (w.weights[name] ?? 0) * v;
  }
  return 1 / (1 + Math.exp(-z));
}

export function fires(w: Weights, features: Features): boolean {
  return probability(w, features) >= w.threshold;
}

export function fitLogistic(
  rule: string,
  samples: readonly Sample[],
  options: FitOptions = {},
): Weights {
  const l2 = options.l2 ?? 0.01;
  const iterations = options.iterations ?? 2000;
  const rate = options.learningRate ?? 0.5;
  const support = new Map<string, number>();
  for (const s of samples)
    for (const [k, v] of Object.entries(s.features))
      if (v !== 0) support.set(k, (support.get(k) ?? 0) + 1);
  const minSupport = options.minSupport ?? 1;
  const names = [...support.keys()].filter((k) => (support.get(k) as number) >= minSupport).sort();
  const index = new Map(names.map((n, i) => [n, i]));
  // Rows hold only their non-zero features: a note shows a handful of a rule's
  // signals, and skipping zeros leaves every sum, hence every weight, unchanged.
  const rows = samples.map((s) => {
    const present = Object.entries(s.features)
      .filter(([k, v]) => v !== 0 && index.has(k))
      .map(([k, v]) => [index.get(k) as number, v] as const)
      .sort((a, b) => a[0] - b[0]);
    return {
      at: Int32Array.from(present, (p) => p[0]),
      x: Float64Array.from(present, (p) => p[1]),
      y: s.label,
    };
  });
  const w = new Float64Array(names.length);
  const sign = names.map((n) => options.signs?.[n] ?? options.unlistedSign);
  let b = 0;
  const n = Math.max(1, rows.length);
  const grad = new Float64Array(names.length);
  for (let it = 0; it < iterations; it++) {
    grad.fill(0);
    let gb = 0;
    for (const { at, x, y } of rows) {
      let z = b;
      for (let i = 0; i < at.length; i++) z += (w[at[i] as number] as number) * (x[i] as number);
      const err = 1 / (1 + Math.exp(-z)) - y;
      gb += err;
      for (let i = 0; i < at.length; i++) {
        const j = at[i] as number;
        grad[j] = (grad[j] as number) + err * (x[i] as number);
      }
    }
    for (let j = 0; j < w.length; j++) {
      const next = (w[j] as number) - rate * ((grad[j] as number) / n + l2 * (w[j] as number));
      // Projected gradient descent: a step past zero stops at zero.
      w[j] =
        sign[j] === 'for' ? Math.max(0, next) : sign[j] === 'against' ? Math.min(0, next) : next;
    }
    b -= (rate * gb) / n;
  }
  const weights: Record<string, number> = {};
  // A weight that rounds to zero changes no decision; leaving it out keeps the
  // file to the signals that count (a rule weighing words learns thousands).
  names.forEach((name, j) => {
    const r = round(w[j] as number);
    if (r !== 0) weights[name] = r;
  });
  return { rule, bias: round(b), weights, threshold: options.threshold ?? 0.5 };
}

// Rounded so that the committed JSON is stable and readable.
function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
