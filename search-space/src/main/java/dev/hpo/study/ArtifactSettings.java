package dev.hpo.study;

/**
 * Which trained networks a study keeps: those of its best {@code keep} configurations by its own ranking, every
 * repeat's; the files of configurations that fall out of the top are deleted. Absent from a spec, a study keeps
 * none, which suits studies whose trials are cheap to run again.
 *
 * @param keep configurations whose files are kept, 0 for none, at most {@link #MAX_KEEP}
 * @throws IllegalArgumentException when {@code keep} is out of range
 */
public record ArtifactSettings(int keep) {

    /** The most configurations a study may keep the networks of. */
    public static final int MAX_KEEP = 100;

    public ArtifactSettings {
        if (keep < 0 || keep > MAX_KEEP) {
            throw new IllegalArgumentException("keep must be in [0, " + MAX_KEEP + "], got " + keep);
        }
    }

    /** What a spec without {@code artifacts} asks for: nothing kept. */
    public static ArtifactSettings none() {
        return new ArtifactSettings(0);
    }

    /** True when trials should save their files for the study to keep. */
    public boolean keepsAny() {
        return keep > 0;
    }
}
