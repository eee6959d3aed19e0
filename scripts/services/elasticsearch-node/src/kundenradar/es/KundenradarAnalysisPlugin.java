package kundenradar.es;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.SimpleAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanMinimalStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.de.GermanStemFilter;
import org.apache.lucene.analysis.email.UAX29URLEmailTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.AbstractCharFilterFactory;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.GermanStemmer;

import java.io.Reader;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The German and English analysis components Kundenradar's index templates use, under the names and with the
 * options of Elasticsearch's analysis-common module.
 *
 * Why: Elasticsearch 8 does not publish analysis-common on Maven Central (only server, transport-netty4 and a few
 * client libraries), so this node provides the subset we need on top of the same Lucene classes analysis-common
 * wraps. Server itself already provides the standard/keyword analyzers, the standard tokenizer and the lowercase,
 * stop, shingle and hunspell filters.
 */
public final class KundenradarAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> analyzers = new TreeMap<>();
        analyzers.put("german", (indexSettings, env, name, settings) -> analyzer(name, settings, () -> new GermanAnalyzer(
            Analysis.parseStopWords(env, settings, GermanAnalyzer.getDefaultStopSet()),
            Analysis.parseStemExclusion(settings, CharArraySet.EMPTY_SET)
        )));
        analyzers.put("english", (indexSettings, env, name, settings) -> analyzer(name, settings, () -> new EnglishAnalyzer(
            Analysis.parseStopWords(env, settings, EnglishAnalyzer.getDefaultStopSet()),
            Analysis.parseStemExclusion(settings, CharArraySet.EMPTY_SET)
        )));
        analyzers.put("simple", (indexSettings, env, name, settings) -> analyzer(name, settings, SimpleAnalyzer::new));
        analyzers.put("whitespace", (indexSettings, env, name, settings) -> analyzer(name, settings, WhitespaceAnalyzer::new));
        return analyzers;
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        Map<String, AnalysisProvider<TokenFilterFactory>> filters = new TreeMap<>();
        // Normalizing (usable in keyword normalizers): they map one token to one token.
        filters.put("asciifolding", (indexSettings, env, name, settings) -> {
            boolean preserveOriginal = settings.getAsBoolean("preserve_original", false);
            return new Normalizing(name, settings, ts -> new ASCIIFoldingFilter(ts, preserveOriginal), ts -> new ASCIIFoldingFilter(ts, false));
        });
        filters.put("german_normalization", (indexSettings, env, name, settings) ->
            new Normalizing(name, settings, GermanNormalizationFilter::new, GermanNormalizationFilter::new));
        // Stemmers.
        filters.put("german_stem", (indexSettings, env, name, settings) -> filter(name, settings, GermanStemFilter::new));
        filters.put("porter_stem", (indexSettings, env, name, settings) -> filter(name, settings, PorterStemFilter::new));
        filters.put("kstem", (indexSettings, env, name, settings) -> filter(name, settings, KStemFilter::new));
        filters.put("stemmer", (indexSettings, env, name, settings) -> {
            String language = settings.get("language", settings.get("name", "english"));
            return filter(name, settings, stemmer(language));
        });
        filters.put("snowball", (indexSettings, env, name, settings) -> {
            String language = settings.get("language", "English").toLowerCase(Locale.ROOT);
            return switch (language) {
                case "german" -> filter(name, settings, ts -> new SnowballFilter(ts, new GermanStemmer()));
                case "english" -> filter(name, settings, ts -> new SnowballFilter(ts, new EnglishStemmer()));
                default -> throw new IllegalArgumentException("snowball language [" + language + "] is not available on this node (German, English)");
            };
        });
        // Prefixes for search-as-you-type fields.
        filters.put("edge_ngram", (indexSettings, env, name, settings) -> {
            int min = settings.getAsInt("min_gram", 1);
            int max = settings.getAsInt("max_gram", 2);
            boolean preserveOriginal = settings.getAsBoolean("preserve_original", false);
            return filter(name, settings, ts -> new EdgeNGramTokenFilter(ts, min, max, preserveOriginal));
        });
        return filters;
    }

    @Override
    public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
        Map<String, AnalysisProvider<CharFilterFactory>> charFilters = new TreeMap<>();
        // analysis-common's pattern_replace (pattern, replacement; no flags): the templates split "@brand_support"
        // handles at the underscore, as the embedded store's tokenizer does.
        // requiresAnalysisSettings: there is no global pattern_replace without a pattern (as in analysis-common).
        charFilters.put("pattern_replace", AnalysisPlugin.requiresAnalysisSettings((indexSettings, env, name, settings) -> {
            String pattern = settings.get("pattern");
            if (pattern == null) throw new IllegalArgumentException("pattern_replace char filter [" + name + "] needs a pattern");
            Pattern compiled = Pattern.compile(pattern);
            String replacement = settings.get("replacement", "");
            return new AbstractCharFilterFactory(name) {
                @Override
                public Reader create(Reader reader) {
                    return new PatternReplaceCharFilter(compiled, replacement, reader);
                }
            };
        }));
        return charFilters;
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        Map<String, AnalysisProvider<TokenizerFactory>> tokenizers = new TreeMap<>();
        tokenizers.put("whitespace", (indexSettings, env, name, settings) -> TokenizerFactory.newFactory(name, WhitespaceTokenizer::new));
        tokenizers.put("keyword", (indexSettings, env, name, settings) -> TokenizerFactory.newFactory(name, KeywordTokenizer::new));
        // Social posts carry URLs, e-mail addresses and handles: keep a URL one token instead of splitting it apart.
        tokenizers.put("uax_url_email", (indexSettings, env, name, settings) -> {
            int maxTokenLength = settings.getAsInt("max_token_length", 255);
            return TokenizerFactory.newFactory(name, () -> {
                UAX29URLEmailTokenizer tokenizer = new UAX29URLEmailTokenizer();
                tokenizer.setMaxTokenLength(maxTokenLength);
                return tokenizer;
            });
        });
        return tokenizers;
    }

    /** The languages Elasticsearch's `stemmer` filter accepts for German and English. */
    private static Function<TokenStream, TokenStream> stemmer(String language) {
        return switch (language) {
            case "german" -> ts -> new SnowballFilter(ts, new GermanStemmer());
            case "light_german" -> GermanLightStemFilter::new;
            case "minimal_german" -> GermanMinimalStemFilter::new;
            case "english", "porter" -> PorterStemFilter::new;
            case "porter2" -> ts -> new SnowballFilter(ts, new EnglishStemmer());
            case "light_english" -> KStemFilter::new;
            case "minimal_english" -> EnglishMinimalStemFilter::new;
            case "possessive_english" -> EnglishPossessiveFilter::new;
            default -> throw new IllegalArgumentException(
                "stemmer language [" + language + "] is not available on this node; use german, light_german, minimal_german, "
                    + "english, porter, porter2, light_english, minimal_english or possessive_english"
            );
        };
    }

    private static <T extends Analyzer> AnalyzerProvider<T> analyzer(String name, Settings settings, Supplier<T> make) {
        T analyzer = make.get();
        return new AbstractIndexAnalyzerProvider<T>(name, settings) {
            @Override
            public T get() {
                return analyzer;
            }
        };
    }

    private static TokenFilterFactory filter(String name, Settings settings, Function<TokenStream, TokenStream> make) {
        return new AbstractTokenFilterFactory(name, settings) {
            @Override
            public TokenStream create(TokenStream tokenStream) {
                return make.apply(tokenStream);
            }
        };
    }

    private static final class Normalizing extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
        private final Function<TokenStream, TokenStream> create;
        private final Function<TokenStream, TokenStream> normalize;

        Normalizing(String name, Settings settings, Function<TokenStream, TokenStream> create, Function<TokenStream, TokenStream> normalize) {
            super(name, settings);
            this.create = create;
            this.normalize = normalize;
        }

        @Override
        public TokenStream create(TokenStream tokenStream) {
            return create.apply(tokenStream);
        }

        @Override
        public TokenStream normalize(TokenStream tokenStream) {
            return normalize.apply(tokenStream);
        }
    }
}
