package org.dues.casework;

/** How a dispute or complaint reached us. */
public enum CaseChannel {

	PHONE, EMAIL, LETTER, SMS, WHATSAPP, CHAT, PORTAL, IN_PERSON, API

}
