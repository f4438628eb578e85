package org.skillexchange;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

	@Test
	void modulesOnlyUseEachOthersPublicApi() {
		ApplicationModules.of(SkillExchangeApplication.class).verify();
	}
}
