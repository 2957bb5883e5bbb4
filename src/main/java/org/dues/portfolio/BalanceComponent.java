package org.dues.portfolio;

/** A part of an account's balance that a payment waterfall orders. */
public enum BalanceComponent {

	FEES, INTEREST, PRINCIPAL

}
