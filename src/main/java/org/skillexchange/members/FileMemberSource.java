package org.skillexchange.members;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** A multi-document YAML file of Backstage {@code User} and {@code Group} entities, as in a catalog file. */
final class FileMemberSource implements MemberSource {

	private final Path file;

	FileMemberSource(Path file) {
		this.file = file;
	}

	@Override
	public Snapshot load() {
		List<Map<?, ?>> entities = new ArrayList<>();
		try (Reader reader = Files.newBufferedReader(file)) {
			for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
				if (document instanceof Map<?, ?> entity) {
					entities.add(entity);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read the members file " + file, e);
		}
		return Snapshot.of(entities);
	}

	@Override
	public boolean refreshable() {
		return false;
	}

	@Override
	public Optional<Member> lookUp(String userRef) {
		return Optional.empty();
	}
}
