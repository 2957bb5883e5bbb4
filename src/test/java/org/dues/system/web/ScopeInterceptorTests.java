package org.dues.system.web;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scope check reads a path's id as the binding will, so an id written another way
 * (padded, in capitals, with short groups) is checked as the record the handler gets.
 */
class ScopeInterceptorTests {

	@Test
	void readsAnIdAsTheBindingWill() {
		UUID id = UUID.fromString("0a1b2c3d-0000-4000-8000-00000000000f");
		assertThat(ScopeInterceptor.bound("a1b2c3d-0-4000-8000-f")).isEqualTo(id);
		assertThat(ScopeInterceptor.bound(" 0a1b2c3d-0000-4000-8000-00000000000f\t")).isEqualTo(id);
		assertThat(ScopeInterceptor.bound("0A1B2C3D-0000-4000-8000-00000000000F")).isEqualTo(id);
		assertThat(ScopeInterceptor.bound("not-an-id")).isNull();
		assertThat(ScopeInterceptor.bound(" ")).isNull();
	}

}
