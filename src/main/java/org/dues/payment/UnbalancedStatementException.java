package org.dues.payment;

import java.math.BigDecimal;

/**
 * A statement whose opening balance plus credits minus debits is not its closing balance:
 * refused, with the figures.
 */
public class UnbalancedStatementException extends RuntimeException {

	public UnbalancedStatementException(BigDecimal opening, BigDecimal credits, BigDecimal debits, BigDecimal closing) {
		super("the statement does not balance: opening %s + credits %s - debits %s = %s, but the closing balance is %s"
			.formatted(opening.toPlainString(), credits.toPlainString(), debits.toPlainString(),
					opening.add(credits).subtract(debits).toPlainString(), closing.toPlainString()));
	}

}
