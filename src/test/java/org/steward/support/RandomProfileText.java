package org.steward.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Profile text for ranking tests and benchmarks: words drawn from a vocabulary, a few of the languages, from one seeded random. */
public final class RandomProfileText {

    private final Random random;
    private final String[] vocabulary;
    private final String[] languages;

    public RandomProfileText(Random random, String[] vocabulary, String[] languages) {
        this.random = random;
        this.vocabulary = vocabulary;
        this.languages = languages;
    }

    /** {@code n} words of the vocabulary, lower case, separated by spaces (a word may come twice). */
    public String words(int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append(i == 0 ? "" : " ").append(vocabulary[random.nextInt(vocabulary.length)]);
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    /** {@code n} different languages, comma-separated, as a profile stores them. */
    public String languages(int n) {
        List<String> all = new ArrayList<>(Arrays.asList(languages));
        Collections.shuffle(all, random);
        return String.join(",", all.subList(0, n));
    }
}
