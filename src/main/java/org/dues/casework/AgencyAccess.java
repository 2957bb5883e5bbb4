package org.dues.casework;

import java.util.Optional;

import org.dues.identity.Role;
import org.dues.shared.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who sees which agency: managers and administrators every agency (and they alone create
 * agencies, place and recall); an agency's manager their own agency only; anyone else
 * none, as if it did not exist.
 */
@Component
public class AgencyAccess {

	private final Agencies agencies;

	private final AgencyMembers members;

	AgencyAccess(Agencies agencies, AgencyMembers members) {
		this.agencies = agencies;
		this.members = members;
	}

	/** Whether the caller manages agencies: an in-house manager or administrator. */
	public boolean manages(Authentication caller) {
		return this.members.of(caller.getName()).isEmpty() && caller.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch((a) -> a.equals(Role.MANAGER.authority()) || a.equals(Role.ADMIN.authority()));
	}

	/**
	 * @throws AccessDeniedException unless the caller manages agencies
	 */
	public void requireManager(Authentication caller) {
		if (!manages(caller)) {
			throw new AccessDeniedException("only managers and administrators manage agencies");
		}
	}

	/**
	 * The agency, when the caller may see it: one who manages agencies, or the agency's
	 * own manager.
	 * @throws NotFoundException otherwise, as for an agency that does not exist
	 */
	public AgencyView requireVisible(Authentication caller, String code) {
		if (manages(caller)) {
			return this.agencies.get(code);
		}
		Optional<AgencyMembers.Membership> own = this.members.of(caller.getName());
		boolean lead = caller.getAuthorities()
			.stream()
			.anyMatch((a) -> a.getAuthority().equals(Role.TEAM_LEAD.authority()));
		if (own.isPresent() && lead && own.get().code().equalsIgnoreCase(code.strip())) {
			return this.agencies.get(code);
		}
		throw new NotFoundException("agency", code);
	}

	/** The agency whose manager the caller is, if they are one. */
	public Optional<AgencyView> ownAgency(Authentication caller) {
		boolean lead = caller.getAuthorities()
			.stream()
			.anyMatch((a) -> a.getAuthority().equals(Role.TEAM_LEAD.authority()));
		return lead ? this.agencies.agencyOf(caller.getName()) : Optional.empty();
	}

}
