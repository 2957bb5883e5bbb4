package org.dues.casework;

/** Why the customer disputes the debt. */
public enum DisputeCategory {

	NOT_MINE, WRONG_AMOUNT, ALREADY_PAID, GOODS_OR_SERVICES, BILLING_ERROR, OTHER

}
