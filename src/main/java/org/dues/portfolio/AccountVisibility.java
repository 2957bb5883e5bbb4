package org.dues.portfolio;

/**
 * Whether an agent may see an account: the work module knows which accounts an agent
 * owns, holds or finds in their queues. Leads, managers, compliance officers and
 * administrators see every account and are not asked about.
 */
public interface AccountVisibility {

	boolean visibleTo(String agent, AccountId account);

}
