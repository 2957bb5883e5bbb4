package org.dues.casework;

import java.util.Arrays;
import java.util.List;

import org.dues.shared.Phrase;

/**
 * A legal proceeding an account may be referred to, with the body of law that has it.
 * England and Wales have only the letter of claim: a claim against an individual starts
 * with the Pre-Action Protocol for Debt Claims, and the claim itself is issued after the
 * letter's reply period, as its last stage, so there is no separate civil suit to refer
 * to.
 */
public enum Proceeding {

	/**
	 * A demand notice for a dishonoured cheque, Negotiable Instruments Act 1881 s.138.
	 */
	NI_ACT_138(Law.IN, false),

	/** A secured creditor's demand notice, SARFAESI Act 2002 s.13(2). */
	SARFAESI_13_2(Law.IN, true),

	/** Settlement before a Lok Adalat, Legal Services Authorities Act 1987. */
	LOK_ADALAT(Law.IN, true),

	/** Arbitration under the Arbitration and Conciliation Act 1996. */
	ARBITRATION(Law.IN, true),

	/** A civil suit for recovery (Code of Civil Procedure 1908, Order XXXVII). */
	CIVIL_SUIT(Law.IN, true),

	/** A letter of claim under the Pre-Action Protocol for Debt Claims. */
	LETTER_OF_CLAIM(Law.GB, true),

	/** Referral to an attorney, who may sue; the customer is contacted through them. */
	ATTORNEY_REFERRAL(Law.US, true);

	private final Law law;

	private final boolean limited;

	Proceeding(Law law, boolean limited) {
		this.law = law;
		this.limited = limited;
	}

	/** The body of law that has this proceeding. */
	public Law law() {
		return this.law;
	}

	/** Whether the jurisdiction has this proceeding. */
	public boolean availableIn(Jurisdiction jurisdiction) {
		return jurisdiction.law() == this.law;
	}

	/** The proceedings a jurisdiction has, in this order. */
	public static List<Proceeding> availableIn(Law law) {
		return Arrays.stream(values()).filter((p) -> p.law == law).toList();
	}

	/**
	 * Whether a time-barred debt refuses it. Every proceeding but the cheque's: a suit,
	 * arbitration, SARFAESI measures (SARFAESI s.36), a Lok Adalat claim, a letter of
	 * claim and an attorney's suit (Regulation F § 1006.26(b)) all need a debt within
	 * limitation; Section 138 runs on its own clocks from the cheque's return, and a
	 * cheque given for a time-barred debt is itself a promise to pay it (Indian Contract
	 * Act 1872 s.25(3)).
	 */
	public boolean refusedWhenTimeBarred() {
		return this.limited;
	}

	/** Its name: {@code casework.proceeding.<code>}. */
	public Phrase title() {
		return Phrase.of("casework.proceeding." + name());
	}

}
