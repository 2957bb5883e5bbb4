package org.dues.messaging.chat;

/** Where a chat's customer writes from: the pay page's widget, or WhatsApp. */
public enum ChatChannel {

	WEB, WHATSAPP

}
