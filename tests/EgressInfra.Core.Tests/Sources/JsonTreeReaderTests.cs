using System.Globalization;
using System.Text;
using System.Text.Json;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Tests.Sources;

/// <summary>
/// <see cref="JsonTreeReader.Parse"/> reads Pulumi's JSON for a structured key in one pass and shares
/// repeated keys and short values; it must give the tree <see cref="JsonTreeReader.Read"/> gives from
/// a <see cref="JsonDocument"/>, node for node, and refuse what <see cref="JsonDocument"/> refuses.
/// </summary>
public class JsonTreeReaderTests
{
    public static TheoryData<string> Texts =>
    [
        "{}",
        "[]",
        "\"plain\"",
        "443",
        "-1.5e3",
        "12345678901234567890",
        "true",
        "null",
        """{"egress":{"namespaces":["team-a","team-b"],"services":[{"name":"api","hosts":["api.example.org"],"ports":[{"number":443,"protocol":"TLS"},{"number":"443","protocol":"TLS"}]}]}}""",
        """{"esc\"aped":"va\\lue\n","\u006eame":"\u00e9t\u00e9","snow☃":"☃☃","tab\t":"\ud83d\ude00"}""",
        """{"dup":1,"dup":2,"dup":{"dup":[true,false,null,0.0,-0,1E2]}}""",
        """{"a-key-that-is-longer-than-sixty-four-bytes-so-it-is-read-as-a-string-first":"a value longer than sixteen bytes","short":"x"}""",
        """[[[[]]],{},[{}],"",""]""",
        "  {\n  \"spaced\" :\t[ 1 , 2 ]\n}  ",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Parse_GivesTheDocumentsTree(string json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Equal(Dump(JsonTreeReader.Read(document.RootElement)), Dump(JsonTreeReader.Parse(json)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hello")]
    [InlineData("payments only")]
    [InlineData("{")]
    [InlineData("{} x")]
    [InlineData("{}{}")]
    [InlineData("[1,]")]
    [InlineData("{\"a\":1,}")]
    [InlineData("// comment\n{}")]
    [InlineData("{'a':1}")]
    [InlineData("[\"unterminated]")]
    public void Parse_RefusesWhatTheDocumentRefuses(string text)
    {
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
        Assert.ThrowsAny<JsonException>(() => JsonTreeReader.Parse(text));
    }

    [Fact]
    public void Parse_RefusesNestingTheDocumentRefuses()
    {
        var deep = new string('[', 65) + new string(']', 65);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(deep));
        Assert.ThrowsAny<JsonException>(() => JsonTreeReader.Parse(deep));
        var allowed = new string('[', 64) + new string(']', 64);
        using var document = JsonDocument.Parse(allowed);
        Assert.Equal(Dump(JsonTreeReader.Read(document.RootElement)), Dump(JsonTreeReader.Parse(allowed)));
    }

    [Fact]
    public void RandomDocuments_GiveTheDocumentsTree()
    {
        var random = new Random(1616);
        for (var i = 0; i < 300; i++)
        {
            var json = RandomJson(random, depth: 0);
            using var document = JsonDocument.Parse(json);
            Assert.Equal(Dump(JsonTreeReader.Read(document.RootElement)), Dump(JsonTreeReader.Parse(json)));
        }
    }

    [Fact]
    public void RepeatedKeysAndShortValues_AreOneNode()
    {
        var tree = (SequenceNode)JsonTreeReader.Parse("""[{"name":"a","protocol":"TLS"},{"name":"b","protocol":"TLS"}]""");
        var first = (MappingNode)tree.Items[0];
        var second = (MappingNode)tree.Items[1];
        Assert.Same(first.Entries[0].Key, second.Entries[0].Key);
        Assert.Same(first.Entries[1].Value, second.Entries[1].Value);
        Assert.Equal("TLS", ((ScalarNode)second.Entries[1].Value).Text);
    }

    private static string RandomJson(Random random, int depth)
    {
        var pick = depth > 4 ? random.Next(4) : random.Next(7);
        switch (pick)
        {
            case 0:
                return JsonSerializer.Serialize(RandomText(random));
            case 1:
                return random.Next(2) == 0
                    ? random.Next(-100000, 100000).ToString(CultureInfo.InvariantCulture)
                    : (random.NextDouble() * 1000).ToString("R", CultureInfo.InvariantCulture);
            case 2:
                return random.Next(2) == 0 ? "true" : "false";
            case 3:
                return "null";
            case 4:
            case 5:
                var sb = new StringBuilder("{");
                for (var i = random.Next(5); i > 0; i--)
                {
                    sb.Append(JsonSerializer.Serialize(RandomText(random))).Append(':').Append(RandomJson(random, depth + 1));
                    if (i > 1)
                    {
                        sb.Append(',');
                    }
                }

                return sb.Append('}').ToString();
            default:
                return "[" + string.Join(",", Enumerable.Range(0, random.Next(5)).Select(_ => RandomJson(random, depth + 1))) + "]";
        }
    }

    private static string RandomText(Random random)
    {
        string[] pool = ["name", "hosts", "ports", "TLS", "team-00", "é", "a\"b", "line\nbreak", "☃", "\ud83d\ude00", "", new string('k', 70), "x"];
        return pool[random.Next(pool.Length)] + (random.Next(3) == 0 ? random.Next(100).ToString(CultureInfo.InvariantCulture) : string.Empty);
    }

    private static string Dump(ConfigNode node) => node switch
    {
        MappingNode map => "{" + string.Join(",", map.Entries.Select(e => Dump(e.Key) + ":" + Dump(e.Value))) + "}",
        SequenceNode seq => "[" + string.Join(",", seq.Items.Select(Dump)) + "]",
        ScalarNode s => $"{s.Kind}({JsonSerializer.Serialize(s.Text)}){(s.Location is null ? string.Empty : "@")}",
        _ => throw new ArgumentException(node.GetType().Name, nameof(node)),
    };
}
