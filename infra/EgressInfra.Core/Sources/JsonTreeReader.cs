using System.Buffers;
using System.Text;
using System.Text.Json;

namespace EgressInfra.Core.Sources;

/// <summary>
/// Turns a JSON value (what Pulumi hands a program for a structured config key) into the same
/// <see cref="ConfigNode"/> tree a YAML stack file becomes. JSON carries no lines; the caller may
/// attach them from the stack file.
/// </summary>
public static class JsonTreeReader
{
    /// <summary>String values up to this many UTF-8 bytes are shared (see <see cref="Parse"/>); longer ones, hosts mostly, rarely repeat.</summary>
    private const int SharedValueBytes = 16;

    /// <summary>Keys up to this many UTF-8 bytes are looked up without making a string first.</summary>
    private const int LookupBytes = 64;

    public static ConfigNode Read(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new MappingNode(
            [.. element.EnumerateObject().Select(p => new KeyValuePair<ScalarNode, ConfigNode>(new ScalarNode(p.Name, ScalarKind.String), Read(p.Value)))]),
        JsonValueKind.Array => new SequenceNode([.. element.EnumerateArray().Select(Read)]),
        JsonValueKind.String => new ScalarNode(element.GetString() ?? string.Empty, ScalarKind.String),
        JsonValueKind.Number => new ScalarNode(element.GetRawText(), element.TryGetInt64(out _) ? ScalarKind.Integer : ScalarKind.Float),
        JsonValueKind.True => new ScalarNode("true", ScalarKind.Boolean),
        JsonValueKind.False => new ScalarNode("false", ScalarKind.Boolean),
        _ => new ScalarNode(string.Empty, ScalarKind.Null),
    };

    /// <summary>
    /// The tree of <paramref name="json"/>, equal node for node to <see cref="Read"/> of its document,
    /// read in one pass without the document. A key, or a short string value, that occurs again is
    /// the same node: a tree without locations is immutable, and a stack of thousands of services
    /// repeats <c>name</c>, <c>hosts</c>, <c>ports</c> and its protocols and namespaces throughout.
    /// </summary>
    /// <exception cref="JsonException">The text is not one JSON value, as <see cref="JsonDocument.Parse(string, JsonDocumentOptions)"/> would refuse it.</exception>
    public static ConfigNode Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetByteCount(json));
        try
        {
            var length = Encoding.UTF8.GetBytes(json, buffer);
            var reader = new Utf8JsonReader(buffer.AsSpan(0, length));
            if (!reader.Read())
            {
                throw new JsonException("expected a JSON value");
            }

            var node = new Builder().Value(ref reader);
            if (reader.Read())
            {
                throw new JsonException("expected the end of the text after one JSON value");
            }

            return node;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private sealed class Builder
    {
        private readonly Dictionary<string, ScalarNode> _strings = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ScalarNode>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private readonly Stack<List<KeyValuePair<ScalarNode, ConfigNode>>> _entryLists = new();
        private readonly Stack<List<ConfigNode>> _itemLists = new();

        public Builder() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

        public ConfigNode Value(ref Utf8JsonReader reader) => reader.TokenType switch
        {
            JsonTokenType.StartObject => Mapping(ref reader),
            JsonTokenType.StartArray => Sequence(ref reader),
            JsonTokenType.String => Text(ref reader, reader.ValueSpan.Length <= SharedValueBytes),
            JsonTokenType.Number => new ScalarNode(Encoding.UTF8.GetString(reader.ValueSpan), reader.TryGetInt64(out _) ? ScalarKind.Integer : ScalarKind.Float),
            JsonTokenType.True => new ScalarNode("true", ScalarKind.Boolean),
            JsonTokenType.False => new ScalarNode("false", ScalarKind.Boolean),
            _ => new ScalarNode(string.Empty, ScalarKind.Null),
        };

        private MappingNode Mapping(ref Utf8JsonReader reader)
        {
            var entries = _entryLists.Count > 0 ? _entryLists.Pop() : [];
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = Text(ref reader, shared: true);
                reader.Read();
                entries.Add(new(key, Value(ref reader)));
            }

            var node = new MappingNode(entries.ToArray());
            entries.Clear();
            _entryLists.Push(entries);
            return node;
        }

        private SequenceNode Sequence(ref Utf8JsonReader reader)
        {
            var items = _itemLists.Count > 0 ? _itemLists.Pop() : [];
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                items.Add(Value(ref reader));
            }

            var node = new SequenceNode(items.ToArray());
            items.Clear();
            _itemLists.Push(items);
            return node;
        }

        /// <summary>A property name or string value as a string node; when <paramref name="shared"/>, the one node for that text.</summary>
        private ScalarNode Text(ref Utf8JsonReader reader, bool shared)
        {
            if (!shared)
            {
                return new ScalarNode(reader.GetString() ?? string.Empty, ScalarKind.String);
            }

            Span<char> chars = stackalloc char[LookupBytes];
            if (!reader.ValueIsEscaped && reader.ValueSpan.Length <= chars.Length
                && Encoding.UTF8.TryGetChars(reader.ValueSpan, chars, out var written))
            {
                var span = chars[..written];
                if (_lookup.TryGetValue(span, out var known))
                {
                    return known;
                }

                var node = new ScalarNode(span.ToString(), ScalarKind.String);
                _strings.Add(node.Text, node);
                return node;
            }

            var text = reader.GetString() ?? string.Empty;
            if (!_strings.TryGetValue(text, out var found))
            {
                found = new ScalarNode(text, ScalarKind.String);
                _strings.Add(text, found);
            }

            return found;
        }
    }
}
