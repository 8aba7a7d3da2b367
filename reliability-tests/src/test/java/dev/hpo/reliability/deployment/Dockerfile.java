package dev.hpo.reliability.deployment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Dockerfile reduced to what can be checked without an engine: its instructions with continuation lines
 * joined, each tagged with the build stage it belongs to.
 */
record Dockerfile(String name, List<Instruction> instructions) {

    record Instruction(int stage, String keyword, String arguments) {

        /** Whitespace-separated words, flags such as --from=build included. */
        List<String> words() {
            return Arrays.asList(arguments.trim().split("\\s+"));
        }

        boolean hasFlag(String prefix) {
            return words().stream().anyMatch(word -> word.startsWith(prefix));
        }
    }

    static Dockerfile parse(String name, String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        int stage = -1;
        for (String rawLine : text.split("\n", -1)) {
            String line = rawLine.strip();
            if (pending.isEmpty() && (line.isEmpty() || line.startsWith("#"))) {
                continue;
            }
            if (!pending.isEmpty() && line.startsWith("#")) {
                continue;
            }
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            pending.append(line);
            String joined = pending.toString().strip();
            pending.setLength(0);
            int space = joined.indexOf(' ');
            String keyword = (space < 0 ? joined : joined.substring(0, space)).toUpperCase();
            String arguments = space < 0 ? "" : joined.substring(space + 1).strip();
            if (keyword.equals("FROM")) {
                stage++;
            }
            instructions.add(new Instruction(stage, keyword, arguments));
        }
        return new Dockerfile(name, List.copyOf(instructions));
    }

    List<Instruction> all(String keyword) {
        return instructions.stream().filter(instruction -> instruction.keyword().equals(keyword)).toList();
    }

    int lastStage() {
        return instructions.stream().mapToInt(Instruction::stage).max().orElse(-1);
    }

    /** The base image of the final stage, the one that runs. */
    String runtimeBase() {
        return all("FROM").get(all("FROM").size() - 1).words().get(0);
    }

    /** Every RUN command of the given stage, joined. */
    String runCommands(int stage) {
        return String.join("\n", all("RUN").stream()
                .filter(instruction -> instruction.stage() == stage)
                .map(Instruction::arguments)
                .toList());
    }
}
