package org.skillexchange.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.skillexchange.SkillExchangeApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A full service without HTTP for the domain modules' tests: people from {@code examples/org.yaml},
 * a movable clock, jobs and delivery workers run by hand. Add the database with {@link TestDatabases}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = SkillExchangeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "skill-exchange.members.source=file", "skill-exchange.members.file=examples/org.yaml",
				"skill-exchange.jobs.enabled=false", "skill-exchange.notifications.delivery.workers=false",
				"skill-exchange.admin.post-cleanup-admins=user:default/admin" })
@Import(DomainTestConfiguration.class)
public @interface DomainTest {
}
