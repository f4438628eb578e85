package org.skillexchange.channels.slack;

import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * True when the config has a {@code skillExchange.slack} section: as in the original product, its
 * presence turns Slack on, and without it the service has no Slack channel at all.
 */
class SlackConfigured implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return Binder.get(context.getEnvironment())
			.bind("skill-exchange.slack", Bindable.mapOf(String.class, Object.class))
			.map(Map::size)
			.orElse(0) > 0;
	}
}
