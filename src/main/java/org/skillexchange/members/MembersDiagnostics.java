package org.skillexchange.members;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.skillexchange.diagnostics.Check;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The members source checked for {@code doctor}: read once, counting the members and those with an email. */
public final class MembersDiagnostics {

	static final String NAME = "Members source";

	private final MembersSettings settings;

	private final MemberSource source;

	private MembersDiagnostics(MembersSettings settings, MemberSource source) {
		this.settings = settings;
		this.source = source;
	}

	/** Diagnostics for flattened app-config properties (as {@code AppConfig.toProperties()} gives them). */
	public static MembersDiagnostics of(Map<String, ?> properties) {
		var binder = new Binder(new MapConfigurationPropertySource(properties));
		MembersSettings settings = binder.bindOrCreate("skill-exchange.members", MembersSettings.class);
		MemberSource source = switch (settings.source()) {
			case FILE -> new FileMemberSource(file(settings));
			case CATALOG -> new CatalogMemberSource(binder.bind("backend.base-url", URI.class).orElse(URI.create("http://localhost:7007")),
					binder.bind("skill-exchange.backstage.token", String.class).orElse(""));
		};
		return new MembersDiagnostics(settings, source);
	}

	/** Reads the source, reports one check, and returns the members read (none when it failed). */
	public List<Member> run(Consumer<Check> report) {
		String where = settings.source() == MembersSettings.Source.FILE ? "file " + file(settings) : "the Backstage catalog";
		try {
			List<Member> members = new ArrayList<>(source.load().members().values());
			long withEmail = members.stream().filter(member -> member.email() != null).count();
			if (members.isEmpty()) {
				report.accept(Check.failed(NAME, where + " has no User entities", settings.source() == MembersSettings.Source.FILE
						? "point skillExchange.members.file at a catalog YAML file with kind: User entities (see examples/org.yaml)"
						: "check that the catalog has User entities (an org provider or catalog file)"));
			}
			else {
				report.accept(Check.passed(NAME, where + ": " + members.size() + " members, " + withEmail + " with an email"));
			}
			return members;
		}
		catch (RuntimeException e) {
			report.accept(Check.failed(NAME, "cannot read " + where + ": " + e.getMessage(),
					settings.source() == MembersSettings.Source.FILE ? "check skillExchange.members.file"
							: "allow Skill Exchange's token to read the catalog (add - plugin: catalog to its externalAccess"
									+ " accessRestrictions), or use skillExchange.members.source: file"));
			return List.of();
		}
	}

	private static Path file(MembersSettings settings) {
		return settings.file() == null ? Path.of("examples/org.yaml") : settings.file();
	}
}
