package dev.rankgauge;

/** The state of an order, as far as volume is concerned. */
public enum OrderStatus {
  /** Counts its volumes in the period of its timestamp. */
  PAID,
  /**
   * A return: its volumes are subtracted in the period of its timestamp. Whether the row states
   * them as positive or negative figures, their magnitude is subtracted.
   */
  RETURNED,
  /** Counts nothing, anywhere. */
  CANCELLED
}
