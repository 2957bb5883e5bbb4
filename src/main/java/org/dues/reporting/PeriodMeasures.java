package org.dues.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * Every measure of a period for a filter, amounts per currency (never added across
 * currencies), each as {@link Measure} defines it.
 *
 * @param filter what the measures cover
 * @param startDay the snapshot day the period's opening balances come from (the latest on
 * or before the day before the period), or null when there is none
 * @param collectedGross payments received in the period
 * @param reversed reversals made in the period, as positive amounts
 * @param collectedNet gross less reversed
 * @param payments payments received
 * @param reversals reversals made
 * @param openingAccounts active accounts at the start of the period
 * @param openingBalance their balance
 * @param openingOverdue their overdue amount
 * @param collectionRate net collected ÷ overdue at the start, per currency
 * @param liquidationRate net collected ÷ balance at the start, per currency
 * @param attempts outbound attempts made (not blocked)
 * @param rightPartyContacts conversations with the customer
 * @param blocked attempts the gate blocked
 * @param agentHours agent-hours with at least one attempt
 * @param promisesTaken promises, plans and settlements taken
 * @param promised their amounts
 * @param promisesDue promises due in the period
 * @param promisesKept of them, kept
 * @param promisesBroken of them, broken
 * @param promiseKeptAmount per currency: kept amount ÷ (kept + broken) amount of those
 * due
 * @param rightPartyContactRate right-party contacts ÷ attempts
 * @param promiseRate promises taken ÷ right-party contacts
 * @param promiseKeptRate kept ÷ (kept + broken) of promises due, by count
 * @param cureRate delinquent accounts cured over the month ends in the period
 * @param averageDaysToPay mean days from placement to payment, of payments received
 * @param contactsPerAccount right-party contacts ÷ active accounts at the start
 * @param attemptsPerAgentHour attempts ÷ agent-hours
 * @param messagesSent messages sent
 * @param messagesDelivered messages delivered
 * @param disputesOpened disputes opened
 * @param disputesClosed disputes closed
 * @param complaintsOpened complaints opened
 * @param complaintsClosed complaints closed
 * @param blockedByRule blocked attempts by the rule that blocked them, most first
 * @param notFiltered the filters some of these measures' sources cannot apply (see the
 * definitions)
 */
public record PeriodMeasures(ReportFilter filter, @Nullable LocalDate startDay, List<Money> collectedGross,
		List<Money> reversed, List<Money> collectedNet, long payments, long reversals, long openingAccounts,
		List<Money> openingBalance, List<Money> openingOverdue, List<CurrencyRate> collectionRate,
		List<CurrencyRate> liquidationRate, long attempts, long rightPartyContacts, long blocked, long agentHours,
		long promisesTaken, List<Money> promised, long promisesDue, long promisesKept, long promisesBroken,
		List<CurrencyRate> promiseKeptAmount, Rate rightPartyContactRate, Rate promiseRate, Rate promiseKeptRate,
		Rate cureRate, @Nullable BigDecimal averageDaysToPay, Rate contactsPerAccount, Rate attemptsPerAgentHour,
		long messagesSent, long messagesDelivered, long disputesOpened, long disputesClosed, long complaintsOpened,
		long complaintsClosed, List<RuleCount> blockedByRule, List<String> notFiltered) {

	/** A rate of amounts in one currency. */
	public record CurrencyRate(String currency, Rate rate) {
	}

	/** Attempts a rule blocked. */
	public record RuleCount(String rule, long attempts) {
	}

	/** A period's measures beside those of the period of the same length just before. */
	public record Comparison(PeriodMeasures current, PeriodMeasures previous) {
	}

}
