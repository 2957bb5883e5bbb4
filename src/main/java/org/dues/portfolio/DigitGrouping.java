package org.dues.portfolio;

/**
 * How a file groups the digits of amounts: {@code 1,23,456.50} (Indian, lakhs and
 * crores), {@code 123,456.50} (Western, thousands) or either.
 */
public enum DigitGrouping {

	ANY, INDIAN, WESTERN

}
