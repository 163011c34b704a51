package org.steward.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * MAT-1: how alike two short texts are, not whether they are equal: "scaling engineering teams" and "I need
 * help to scale my team" share "scale" and "team". Words are normalised (lower case, accents dropped, a light
 * English stemming, common words left out); {@link #cosine} compares word counts, {@link #jaccard} word sets.
 * Small on purpose: the texts are a line or a paragraph, so term frequencies carry what TF-IDF would add.
 */
final class TextSimilarity {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Set<String> STOP = Set.of("a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from",
            "help", "how", "i", "in", "into", "is", "it", "me", "my", "need", "of", "on", "or", "our", "so", "that", "the",
            "their", "this", "to", "we", "with", "want", "would", "like", "you", "your", "some", "about", "get", "am");

    private TextSimilarity() {
    }

    /** The normalised words of a text, in order, repeated as often as they occur. */
    static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        if (!ascii(text)) {
            String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
            return NON_WORD.splitAsStream(plain).filter(w -> w.length() > 1 && !STOP.contains(w)).map(TextSimilarity::stem)
                    .filter(w -> !w.isEmpty()).toList();
        }
        // The same for plain ASCII, without the regular expressions: ranking reads a mentor's expertise per request.
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                word.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                word.append((char) (c + ('a' - 'A')));
            } else if (word.length() > 0) {
                String w = word.toString();
                word.setLength(0);
                if (w.length() > 1 && !STOP.contains(w)) {
                    String stemmed = stem(w);
                    if (!stemmed.isEmpty()) {
                        words.add(stemmed);
                    }
                }
            }
        }
        return words;
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }

    /** A light suffix stemmer: "scaling" and "scale", "teams" and "team", "processes" and "process" meet. */
    static String stem(String word) {
        String w = word;
        if (w.length() > 5 && w.endsWith("ing")) {
            w = w.substring(0, w.length() - 3);
        } else if (w.length() > 4 && w.endsWith("ed")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 4 && w.endsWith("es") && (w.endsWith("sses") || w.endsWith("shes") || w.endsWith("ches") || w.endsWith("xes"))) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() > 4 && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1); // "scale" → "scal", as "scaling" → "scal"
        }
        return w;
    }

    /** Cosine of the two texts' word-count vectors: 1 for the same words in the same proportions, 0 for none shared. */
    static double cosine(String a, String b) {
        return cosine(counts(words(a)), b);
    }

    /** {@link #cosine(String, String)} with the first text's word counts already made ({@link #counts}). */
    static double cosine(Map<String, Integer> x, String b) {
        Map<String, Integer> y = counts(words(b));
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        double dot = 0;
        for (Map.Entry<String, Integer> e : x.entrySet()) {
            dot += e.getValue() * (double) y.getOrDefault(e.getKey(), 0);
        }
        return dot == 0 ? 0 : dot / (norm(x) * norm(y));
    }

    /** Shared words over all words (sets): 1 for the same words, 0 for none shared. */
    static double jaccard(String a, String b) {
        Set<String> x = new HashSet<>(words(a));
        Set<String> y = new HashSet<>(words(b));
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        Set<String> union = new HashSet<>(x);
        union.addAll(y);
        x.retainAll(y);
        return (double) x.size() / union.size();
    }

    static Map<String, Integer> counts(List<String> words) {
        Map<String, Integer> counts = new HashMap<>();
        words.forEach(w -> counts.merge(w, 1, Integer::sum));
        return counts;
    }

    private static double norm(Map<String, Integer> v) {
        double sum = 0;
        for (int c : v.values()) {
            sum += (double) c * c;
        }
        return Math.sqrt(sum);
    }
}
