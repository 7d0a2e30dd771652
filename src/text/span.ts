/** A half-open range of offsets into a note. */
export interface Span {
  start: number;
  end: number;
}
