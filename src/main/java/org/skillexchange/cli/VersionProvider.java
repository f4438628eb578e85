package org.skillexchange.cli;

import picocli.CommandLine.IVersionProvider;

class VersionProvider implements IVersionProvider {

	@Override
	public String[] getVersion() {
		String version = Main.class.getPackage().getImplementationVersion();
		return new String[] { "skill-exchange " + (version == null ? "development build" : version),
				"Java " + Runtime.version() };
	}
}
