package org.dues.messaging.chat;

import org.dues.customer.CustomerManagement;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;

import org.springframework.stereotype.Component;

/** What the chat panel shows of a chat's account: its reference and its customer. */
@Component
class ChatAccounts {

	private final Accounts accounts;

	private final CustomerManagement customers;

	ChatAccounts(Accounts accounts, CustomerManagement customers) {
		this.accounts = accounts;
		this.customers = customers;
	}

	Shown shown(ChatView chat) {
		AccountView account = this.accounts.get(chat.accountId());
		return new Shown(account.creditorCode() + " / " + account.accountRef(),
				this.customers.get(account.customerId()).name());
	}

	/** An account as the chat panel names it. */
	record Shown(String account, String customer) {
	}

}
