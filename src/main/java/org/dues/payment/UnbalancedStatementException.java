package org.dues.payment;

import java.math.BigDecimal;

import org.dues.shared.Phrase;

/**
 * A statement whose opening balance plus credits minus debits is not its closing balance:
 * refused, with the figures.
 */
public class UnbalancedStatementException extends RuntimeException {

	private final Phrase phrase;

	public UnbalancedStatementException(BigDecimal opening, BigDecimal credits, BigDecimal debits, BigDecimal closing) {
		super("the statement does not balance: opening %s + credits %s - debits %s = %s, but the closing balance is %s"
			.formatted(opening.toPlainString(), credits.toPlainString(), debits.toPlainString(),
					opening.add(credits).subtract(debits).toPlainString(), closing.toPlainString()));
		this.phrase = Phrase.of("recon.unbalanced", opening.toPlainString(), credits.toPlainString(),
				debits.toPlainString(), opening.add(credits).subtract(debits).toPlainString(), closing.toPlainString());
	}

	/** The refusal with its figures, for a page in the reader's language. */
	public Phrase phrase() {
		return this.phrase;
	}

}
