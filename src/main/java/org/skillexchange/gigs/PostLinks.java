package org.skillexchange.gigs;

import java.net.URI;

/** {@code ${app.baseUrl}/skill-exchange/${embedsPath|mentorsPath}/post/${id}}, as the product links posts. */
final class PostLinks {

	private final String base;

	private final GigSettings settings;

	PostLinks(URI appBaseUrl, GigSettings settings) {
		this.base = appBaseUrl.toString().replaceAll("/+$", "");
		this.settings = settings;
	}

	String postUrl(Gig gig) {
		return base + "/skill-exchange/" + settings.path(gig.type()) + "/post/" + gig.id();
	}
}
