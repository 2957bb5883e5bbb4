package org.dues.compliance;

/**
 * Why contact about a debt is held: a cease request, attorney representation, a dispute
 * awaiting verification, bankruptcy, death, a UK moratorium (Breathing Space or
 * mental-health crisis) or an open complaint.
 */
public enum HoldType {

	CEASE, ATTORNEY, DISPUTE, BANKRUPTCY, DECEASED, BREATHING_SPACE, MENTAL_CAPACITY, COMPLAINT

}
