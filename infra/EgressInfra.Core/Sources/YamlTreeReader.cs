using System.Text.RegularExpressions;
using EgressInfra.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EgressInfra.Core.Sources;

/// <summary>One YAML document read into a <see cref="ConfigNode"/> tree, or the reason it could not be.</summary>
public sealed record YamlDocument(ConfigNode? Root, IReadOnlyList<Diagnostic> Problems, int StartLine);

/// <summary>
/// Reads YAML text into <see cref="ConfigNode"/> trees with file and line on every node. Built on the
/// event parser rather than YamlDotNet's representation model so that duplicate keys become
/// diagnostics instead of exceptions, and so that alias expansion and nesting can be bounded.
/// </summary>
public static partial class YamlTreeReader
{
    /// <summary>Nodes one document may expand to, counting every alias use: stops "billion laughs" files.</summary>
    public const int MaxExpandedNodes = 4_000_000;

    public const int MaxDepth = 128;

    /// <summary>
    /// Problems one document may raise while it is read (duplicate keys, complex keys): past this the
    /// file is generated garbage, and reading on would only cost time and memory.
    /// </summary>
    public const int MaxProblems = 500;

    /// <summary>Reads a file that must hold exactly one document (a stack file, Pulumi.yaml).</summary>
    public static YamlDocument ReadSingle(string text, string file)
    {
        var docs = ReadAll(text, file, refuseTags: true);
        var nonEmpty = docs.Where(d => d.Root is not null || d.Problems.Count > 0).ToList();
        return nonEmpty.Count switch
        {
            0 => new YamlDocument(null, [], 1),
            1 => nonEmpty[0],
            _ => nonEmpty[0] with
            {
                Problems = [.. nonEmpty[0].Problems, ConfigCodes.YamlSyntax.Create(string.Empty, $"the file holds {nonEmpty.Count} YAML documents; a stack file holds one", "Remove the extra '---' separators.") with { Location = new SourceLocation(file, nonEmpty[1].StartLine, 1) }],
            },
        };
    }

    /// <summary>
    /// Reads every document of a multi-document stream. Documents are split at their <c>---</c> markers
    /// first, so that a syntax error in one document leaves the others readable.
    /// </summary>
    /// <param name="refuseTags">Report YAML tags that change a value's meaning (<c>!!binary</c>, local tags):
    /// a stack file's values must mean what they say to every reader.</param>
    public static IReadOnlyList<YamlDocument> ReadAll(string text, string file, bool refuseTags = false) => [.. ReadEach(text, file, refuseTags)];

    /// <summary>The documents one at a time, each read when asked for: lint holds one tree at a time, not a whole dump's.</summary>
    public static IEnumerable<YamlDocument> ReadEach(string text, string file, bool refuseTags = false)
    {
        foreach (var (chunk, firstLine) in SplitDocuments(text))
        {
            // Millions of empty documents ("---" lines) cost no parser each.
            yield return string.IsNullOrWhiteSpace(chunk) ? new YamlDocument(null, [], firstLine) : ReadChunk(chunk, firstLine, file, refuseTags);
        }
    }

    [GeneratedRegex(@"^---(?:[ \t].*)?$|^\.\.\.[ \t]*$")]
    private static partial Regex DocumentMarker();

    private static IEnumerable<(string Chunk, int FirstLine)> SplitDocuments(string text)
    {
        // A stack file has no markers: hand it over whole rather than splitting and re-joining it.
        if (!HasDocumentMarker(text))
        {
            yield return (text, 1);
            yield break;
        }

        var lines = text.Split('\n');
        var start = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (!DocumentMarker().IsMatch(line))
            {
                continue;
            }

            if (i > start)
            {
                yield return (string.Join('\n', lines[start..i]), start + 1);
            }

            if (line.StartsWith("---", StringComparison.Ordinal))
            {
                // Keep "--- value" content on the marker line by starting the next chunk there.
                var rest = line.Length > 3 ? line[3..] : string.Empty;
                lines[i] = rest.Trim().Length > 0 ? " " + rest.TrimStart() : string.Empty;
                start = i;
            }
            else
            {
                start = i + 1;
            }
        }

        if (start < lines.Length)
        {
            yield return (string.Join('\n', lines[start..]), start + 1);
        }
    }

    /// <summary>True when some line is a <c>---</c> or <c>...</c> marker; only such lines are tested with the pattern.</summary>
    private static bool HasDocumentMarker(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var line = text.AsSpan(start, end - start);
            if ((line.StartsWith("---", StringComparison.Ordinal) || line.StartsWith("...", StringComparison.Ordinal))
                && DocumentMarker().IsMatch(line.TrimEnd('\r')))
            {
                return true;
            }

            start = end + 1;
        }

        return false;
    }

    private static YamlDocument ReadChunk(string chunk, int firstLine, string file, bool refuseTags)
    {
        var builder = new TreeBuilder(file, firstLine - 1, refuseTags);
        Parser? parser = null;
        try
        {
            parser = new Parser(new StringReader(chunk));
            parser.Consume<StreamStart>();
            ConfigNode? root = null;
            while (parser.TryConsume<DocumentStart>(out _))
            {
                if (parser.TryConsume<DocumentEnd>(out _))
                {
                    continue;
                }

                root ??= builder.Read(parser, 0);
                parser.Consume<DocumentEnd>();
            }

            return new YamlDocument(root, builder.Problems, firstLine);
        }
        catch (YamlException ex)
        {
            var line = Math.Min((int)Math.Max(1, ex.Start.Line), LastContentLine(chunk)) + firstLine - 1;
            var message = CleanMessage(ex.Message);
            var hint = chunk.Contains('\t', StringComparison.Ordinal)
                ? "YAML does not allow tabs for indentation; indent with spaces."
                : null;
            var diagnostic = ConfigCodes.YamlSyntax.Create(string.Empty, $"invalid YAML: {message}", hint) with
            {
                Location = new SourceLocation(file, line, (int)Math.Max(1, ex.Start.Column)),
            };
            return new YamlDocument(null, [.. builder.Problems, diagnostic], firstLine);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (not YamlException) on a few malformed inputs.
            var mark = parser?.Current?.Start;
            var line = Math.Min((int)Math.Max(1, mark?.Line ?? 1), LastContentLine(chunk)) + firstLine - 1;
            var diagnostic = ConfigCodes.YamlSyntax.Create(string.Empty, "the YAML structure is broken near here (an unclosed '[' or '{', or a misplaced ':'?)") with
            {
                Location = new SourceLocation(file, line, (int)Math.Max(1, mark?.Column ?? 1)),
            };
            return new YamlDocument(null, [.. builder.Problems, diagnostic], firstLine);
        }
        catch (InputTooLargeException ex)
        {
            var diagnostic = ConfigCodes.InputTooLarge.Create(ex.Path, ex.Message) with
            {
                Location = ex.Location,
            };
            return new YamlDocument(null, [.. builder.Problems.Take(MaxProblems), diagnostic], firstLine);
        }
    }

    /// <summary>The parser reports errors at end of input one line late; never point past the document.</summary>
    private static int LastContentLine(string chunk)
    {
        var lines = chunk.Split('\n');
        var last = lines.Length;
        while (last > 1 && lines[last - 1].Trim().Length == 0)
        {
            last--;
        }

        return last;
    }

    private static string CleanMessage(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the location is reported separately.
        var idx = message.LastIndexOf("): ", StringComparison.Ordinal);
        return idx >= 0 ? message[(idx + 3)..] : message;
    }

    private sealed class InputTooLargeException(string message, string path, SourceLocation? location) : Exception(message)
    {
        public string Path { get; } = path;

        public SourceLocation? Location { get; } = location;
    }

    /// <summary>The tags a config value may carry: the core schema's own, which only confirm what a plain value means.</summary>
    private static readonly HashSet<string> HarmlessTags = new(StringComparer.Ordinal)
    {
        "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
        "tag:yaml.org,2002:float", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
    };

    /// <summary>
    /// Whether a key is a YAML merge key as Go's yaml.v3 (Pulumi's reader) sees it: a plain <c>&lt;&lt;</c>,
    /// untagged or tagged <c>!</c> or <c>!!merge</c>. A quoted "&lt;&lt;" is an ordinary key.
    /// </summary>
    private static bool IsMergeKey(ParsingEvent? current) =>
        current is Scalar { Value: "<<", Style: ScalarStyle.Plain or ScalarStyle.Any } key
        && (key.Tag.IsEmpty || key.Tag.Value is "!" or "tag:yaml.org,2002:merge");

    private sealed class TreeBuilder(string file, int lineOffset, bool refuseTags)
    {
        private readonly Dictionary<string, (ConfigNode Node, long Weight)> _anchors = new(StringComparer.Ordinal);

        // The path of the node being read, as keys and indices; turned into text only for a problem.
        private readonly List<(string? Key, int Index)> _segments = [];
        private long _expanded;

        // Keys and short values repeat across a stack (every service has "name", "hosts", "ports"; every
        // port "TLS" or "443"; every grant "team-07"): the tree, and the model built from it, share one
        // string each. Longer values (hosts, reasons) are nearly all distinct and are kept as read.
        private const int PooledLength = 16;
        private readonly HashSet<string> _pool = new(StringComparer.Ordinal);

        public List<Diagnostic> Problems { get; } = [];

        public ConfigNode Read(IParser parser, int depth) => ReadNode(parser, depth).Node;

        private string Pooled(string value)
        {
            if (value.Length > PooledLength)
            {
                return value;
            }

            if (_pool.TryGetValue(value, out var shared))
            {
                return shared;
            }

            _pool.Add(value);
            return value;
        }

        private SourceLocation At(Mark mark) => new(file, (int)mark.Line + lineOffset, (int)mark.Column);

        private int Line(Mark mark) => (int)mark.Line + lineOffset;

        private string CurrentPath()
        {
            var path = string.Empty;
            foreach (var (key, index) in _segments)
            {
                path = key is null ? ConfigPath.Index(path, index) : ConfigPath.Child(path, key);
            }

            return path;
        }

        private void Count(long weight, Mark mark)
        {
            _expanded += weight;
            if (_expanded > MaxExpandedNodes)
            {
                throw new InputTooLargeException($"the document expands to more than {MaxExpandedNodes:N0} values (through aliases or sheer size)", CurrentPath(), At(mark));
            }
        }

        private (ConfigNode Node, long Weight) ReadNode(IParser parser, int depth)
        {
            if (depth > MaxDepth)
            {
                throw new InputTooLargeException($"the document nests deeper than {MaxDepth} levels", CurrentPath(), At(parser.Current!.Start));
            }

            var current = parser.Current!;
            switch (current)
            {
                case AnchorAlias alias:
                    parser.MoveNext();
                    if (_anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        Count(target.Weight, alias.Start);
                        return target;
                    }

                    throw new YamlException(alias.Start, alias.End, $"alias *{alias.Value.Value} refers to no anchor defined before it");

                case Scalar scalar:
                    parser.MoveNext();
                    Count(1, scalar.Start);
                    CheckTag(scalar.Tag, scalar.Start);
                    var node = new ScalarNode(Pooled(scalar.Value), Resolve(scalar), file, Line(scalar.Start), (int)scalar.Start.Column);
                    Remember(scalar.Anchor, node, 1);
                    return (node, 1);

                case SequenceStart seqStart:
                {
                    parser.MoveNext();
                    CheckTag(seqStart.Tag, seqStart.Start);
                    var items = new List<ConfigNode>();
                    long weight = 1;
                    while (!parser.TryConsume<SequenceEnd>(out _))
                    {
                        _segments.Add((null, items.Count));
                        var (item, w) = ReadNode(parser, depth + 1);
                        _segments.RemoveAt(_segments.Count - 1);
                        items.Add(item);
                        weight += w;
                    }

                    Count(1, seqStart.Start);
                    var seq = new SequenceNode(items.Count == 0 ? [] : items.ToArray(), file, Line(seqStart.Start), (int)seqStart.Start.Column);
                    Remember(seqStart.Anchor, seq, weight);
                    return (seq, weight);
                }

                case MappingStart mapStart:
                {
                    parser.MoveNext();
                    CheckTag(mapStart.Tag, mapStart.Start);
                    var merges = new List<ConfigNode>();
                    var entries = new List<KeyValuePair<ScalarNode, ConfigNode>>();
                    HashSet<string>? seen = null;
                    long weight = 1;
                    while (!parser.TryConsume<MappingEnd>(out _))
                    {
                        var keyStart = parser.Current!.Start;
                        var isMerge = IsMergeKey(parser.Current);
                        var (keyNode, kw) = ReadNode(parser, depth + 1);
                        var key = keyNode as ScalarNode
                            ?? new ScalarNode("<complex key>", ScalarKind.String, At(keyStart));
                        if (keyNode is not ScalarNode)
                        {
                            Problems.Add(ConfigCodes.WrongType.Create(CurrentPath(), "a mapping key must be a plain scalar, not a list or mapping") with { Location = At(keyStart) });
                        }

                        _segments.Add((key.Text, 0));
                        var (value, vw) = ReadNode(parser, depth + 1);
                        _segments.RemoveAt(_segments.Count - 1);
                        weight += kw + vw;
                        if (IsDuplicate(entries, ref seen, key.Text))
                        {
                            if (Problems.Count >= MaxProblems)
                            {
                                throw new InputTooLargeException($"the document repeats keys more than {MaxProblems:N0} times; the first {MaxProblems:N0} are reported", CurrentPath(), key.Location);
                            }

                            Problems.Add(ConfigCodes.DuplicateKey.Create(ConfigPath.Child(CurrentPath(), key.Text), $"the key '{key.Text}' appears more than once in this mapping") with { Location = key.Location });
                            continue;
                        }

                        if (isMerge && merges.Count > 0)
                        {
                            Problems.Add(ConfigCodes.DuplicateKey.Create(ConfigPath.Child(CurrentPath(), "<<"), "the merge key '<<' appears more than once in this mapping") with { Location = key.Location });
                        }

                        if (isMerge)
                        {
                            // yaml.v3 applies the mapping's (last) merge after its own keys; see ApplyMerge.
                            merges.Clear();
                            merges.Add(value);
                            continue;
                        }

                        entries.Add(new KeyValuePair<ScalarNode, ConfigNode>(key, value));
                    }

                    foreach (var merge in merges)
                    {
                        ApplyMerge(entries, merge, mapStart.Start);
                    }

                    Count(1, mapStart.Start);
                    var map = new MappingNode(entries.Count == 0 ? [] : entries.ToArray(), file, Line(mapStart.Start), (int)mapStart.Start.Column);
                    Remember(mapStart.Anchor, map, weight);
                    return (map, weight);
                }

                default:
                    throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
            }
        }

        /// <summary>
        /// A merge key as Go's yaml.v3 applies it when Pulumi reads a stack file: the mapping's own keys
        /// win; then each merged mapping in order (a mapping, or a list of mappings) adds the keys not
        /// yet present, so the first mapping to give a key wins. Anything else is an error there too.
        /// </summary>
        private void ApplyMerge(List<KeyValuePair<ScalarNode, ConfigNode>> entries, ConfigNode merge, Mark mark)
        {
            var sources = merge switch
            {
                MappingNode map => [map],
                SequenceNode seq when seq.Items.All(i => i is MappingNode) => seq.Items.Cast<MappingNode>().ToList(),
                _ => null,
            };
            if (sources is null)
            {
                Problems.Add(ConfigCodes.WrongType.Create(ConfigPath.Child(CurrentPath(), "<<"), "map merge requires map or sequence of maps as the value (a '<<' merge key, as Pulumi's YAML reader applies it)") with { Location = At(mark) });
                return;
            }

            var present = new HashSet<string>(entries.Select(e => e.Key.Text), StringComparer.Ordinal);
            foreach (var source in sources)
            {
                foreach (var entry in source.Entries)
                {
                    if (present.Add(entry.Key.Text))
                    {
                        entries.Add(entry);
                    }
                }
            }
        }

        private void CheckTag(TagName tag, Mark mark)
        {
            if (refuseTags && !tag.IsEmpty && !HarmlessTags.Contains(tag.Value))
            {
                Problems.Add(ConfigCodes.MeaningChangingTag.Create(CurrentPath(), $"the YAML tag '{ShortTag(tag.Value)}' changes what the value means (Pulumi's reader decodes it, this file shows it encoded)") with { Location = At(mark) });
            }
        }

        private static string ShortTag(string tag) =>
            tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? "!!" + tag["tag:yaml.org,2002:".Length..] : tag;

        /// <summary>Whether the mapping already has <paramref name="key"/>: a scan for small mappings, a set once they grow.</summary>
        private static bool IsDuplicate(List<KeyValuePair<ScalarNode, ConfigNode>> entries, ref HashSet<string>? seen, string key)
        {
            if (seen is null && entries.Count < 8)
            {
                foreach (var entry in entries)
                {
                    if (entry.Key.Text == key)
                    {
                        return true;
                    }
                }

                return false;
            }

            seen ??= new HashSet<string>(entries.Select(e => e.Key.Text), StringComparer.Ordinal);
            return !seen.Add(key);
        }

        private void Remember(AnchorName anchor, ConfigNode node, long weight)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = (node, weight);
            }
        }
    }

    /// <summary>Resolution of a scalar as Pulumi's YAML reader (Go yaml.v3) applies it: the YAML 1.2 core schema, with yaml.v3's integers (underscores, 0b, a leading 0 for octal).</summary>
    internal static ScalarKind Resolve(Scalar scalar)
    {
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return ScalarKind.String;
        }

        if (!scalar.Tag.IsEmpty)
        {
            return scalar.Tag.Value switch
            {
                "tag:yaml.org,2002:str" => ScalarKind.String,
                "tag:yaml.org,2002:int" => ScalarKind.Integer,
                "tag:yaml.org,2002:bool" => ScalarKind.Boolean,
                "tag:yaml.org,2002:null" => ScalarKind.Null,
                "tag:yaml.org,2002:float" => ScalarKind.Float,
                _ => ResolvePlain(scalar.Value),
            };
        }

        return ResolvePlain(scalar.Value);
    }

    internal static ScalarKind ResolvePlain(string value)
    {
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return ScalarKind.Null;
            case "true" or "True" or "TRUE" or "false" or "False" or "FALSE":
                return ScalarKind.Boolean;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "-.inf" or ".nan" or ".NaN" or ".NAN":
                return ScalarKind.Float;
        }

        // Numbers start with a digit, a sign or a dot; most scalars are names and skip both patterns.
        if (value.Length > 0 && !(char.IsAsciiDigit(value[0]) || value[0] is '-' or '+' or '.'))
        {
            return ScalarKind.String;
        }

        // Go's yaml.v3 drops every '_' and then reads the rest as a Go integer literal (0x, 0o, 0b and a
        // leading 0 for octal), before it tries a float: 0120 is 80 and 4_43 is 443 to Pulumi.
        var plain = value.Replace("_", string.Empty, StringComparison.Ordinal);
        if (GoIntegerPattern().IsMatch(plain))
        {
            return ScalarKind.Integer;
        }

        return FloatPattern().IsMatch(plain) ? ScalarKind.Float : ScalarKind.String;
    }

    /// <summary>
    /// A Go integer literal as <c>strconv.ParseInt(s, 0, 64)</c> reads it once yaml.v3 has dropped the
    /// underscores: a sign, then hex, binary, octal (<c>0o</c> or a leading 0) or decimal digits.
    /// </summary>
    [GeneratedRegex(@"^[-+]?(?:0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]+|[1-9][0-9]*|0)$")]
    private static partial Regex GoIntegerPattern();

    [GeneratedRegex(@"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();

    /// <summary>
    /// Reads an integer scalar's value as Pulumi's reader (Go yaml.v3) does, or null if it does not fit
    /// in a long: underscores dropped, a sign, then 0x (hex), 0b (binary), 0o or a leading 0 (octal),
    /// or decimal. A plain 0120 is 80 there, so it is 80 here too.
    /// </summary>
    public static long? ParseInteger(string text)
    {
        var plain = text.Replace("_", string.Empty, StringComparison.Ordinal);
        var negative = plain.StartsWith('-');
        var digits = plain.StartsWith('-') || plain.StartsWith('+') ? plain[1..] : plain;
        var (radix, body) = digits switch
        {
            _ when digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase) => (16, digits[2..]),
            _ when digits.StartsWith("0b", StringComparison.OrdinalIgnoreCase) => (2, digits[2..]),
            _ when digits.StartsWith("0o", StringComparison.OrdinalIgnoreCase) => (8, digits[2..]),
            _ when digits.Length > 1 && digits[0] == '0' => (8, digits[1..]),
            _ => (10, digits),
        };

        if (body.Length == 0)
        {
            return null;
        }

        UInt128 value = 0;
        foreach (var c in body)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => int.MaxValue,
            };
            if (digit >= radix)
            {
                return null;
            }

            value = (value * (uint)radix) + (uint)digit;
            if (value > (UInt128)long.MaxValue + 1)
            {
                return null;
            }
        }

        if (negative)
        {
            return value == (UInt128)long.MaxValue + 1 ? long.MinValue : -(long)value;
        }

        return value > long.MaxValue ? null : (long)value;
    }
}
