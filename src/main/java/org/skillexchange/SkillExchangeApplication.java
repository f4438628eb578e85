package org.skillexchange;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Spring application; started by {@code org.skillexchange.cli.Main} ({@code serve}) and by the tests. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SkillExchangeApplication {
}
