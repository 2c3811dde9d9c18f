package dev.rankgauge;

/** Who placed an order. */
public enum BuyerType {
  /** A distributor buying for themselves. */
  DISTRIBUTOR,
  /** A personal customer of a distributor. */
  CUSTOMER
}
