using System.Globalization;
using System.Text;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Tests.Fuzz;

/// <summary>
/// A seeded mutation fuzzer over stack files: takes real files, mutates them the ways people and
/// tools break YAML, and runs the whole read → evaluate → render path. Any exception is a bug.
/// </summary>
internal sealed class StackFuzzer(IReadOnlyList<string> seeds, int seed)
{
    private static readonly string[] Tokens =
    [
        ":", ": ", "- ", "-", "[", "]", "{", "}", ",", "&a ", "*a", "!!int ", "!!str ", "\"", "'", "\t", "---\n", "...\n",
        "#", "|", ">", "?", "%", "@", "`", "\n", "  ", "~", "null", "true", "0x7FFFFFFFFFFFFFFF", "99999999999999999999",
        "-1", "0", "443", "*.", "*", "/", "10.0.0.0/8", "::", "unix://", "https://", "é", "\u200b", "\uFEFF", "\\u0000",
        "egress-infra:", "services:", "ports:", "hosts:", "number:", "protocol: TLS", "resolution: DNS", "<<: *a",
    ];

    private readonly Random _random = new(seed);

    public int Executed { get; private set; }

    /// <summary>Runs up to <paramref name="iterations"/> inputs or until <paramref name="budget"/> is spent; returns the first failure.</summary>
    public (string Input, Exception Error)? Run(int iterations, TimeSpan budget)
    {
        var deadline = DateTime.UtcNow + budget;
        for (var i = 0; i < iterations && DateTime.UtcNow < deadline; i++)
        {
            var input = Mutate(seeds[_random.Next(seeds.Count)], _random.Next(1, 6));
            try
            {
                Exercise(input);
            }
            catch (Exception ex)
            {
                return (input, ex);
            }

            Executed++;
        }

        return null;
    }

    public static void Exercise(string input)
    {
        var plan = EgressPipeline.Evaluate(StackFile.Parse(input, "Pulumi.fuzz.yaml"));
        foreach (var d in plan.Diagnostics)
        {
            _ = d.ToString();
        }

        if (plan.Manifests is not null)
        {
            var yaml = YamlWriter.RenderObjects(plan.Manifests.Objects);
            _ = YamlTreeReader.ReadAll(yaml, "rendered.yaml");
        }

        _ = YamlTreeReader.ReadAll(input, "Pulumi.fuzz.yaml");
    }

    private string Mutate(string text, int rounds)
    {
        var sb = new StringBuilder(text);
        for (var r = 0; r < rounds && sb.Length > 0; r++)
        {
            var at = _random.Next(sb.Length);
            switch (_random.Next(9))
            {
                case 0:
                    sb[at] = (char)_random.Next(1, 128);
                    break;
                case 1:
                    sb.Insert(at, Tokens[_random.Next(Tokens.Length)]);
                    break;
                case 2:
                    sb.Remove(at, Math.Min(sb.Length - at, _random.Next(1, 20)));
                    break;
                case 3:
                    MutateLines(sb, lines =>
                    {
                        var i = _random.Next(lines.Count);
                        lines.Insert(i, lines[_random.Next(lines.Count)]);
                    });
                    break;
                case 4:
                    MutateLines(sb, lines => lines.RemoveAt(_random.Next(lines.Count)));
                    break;
                case 5:
                    MutateLines(sb, lines =>
                    {
                        var i = _random.Next(lines.Count);
                        lines[i] = new string(' ', _random.Next(0, 12)) + lines[i].TrimStart();
                    });
                    break;
                case 6:
                    MutateLines(sb, lines =>
                    {
                        var (i, j) = (_random.Next(lines.Count), _random.Next(lines.Count));
                        (lines[i], lines[j]) = (lines[j], lines[i]);
                    });
                    break;
                case 7:
                    sb.Insert(at, _random.Next(-100000, 100000).ToString(CultureInfo.InvariantCulture));
                    break;
                default:
                    sb.Length = at;
                    break;
            }
        }

        return sb.ToString();
    }

    private static void MutateLines(StringBuilder sb, Action<List<string>> change)
    {
        var lines = sb.ToString().Split('\n').ToList();
        if (lines.Count == 0)
        {
            return;
        }

        change(lines);
        sb.Clear().Append(string.Join('\n', lines));
    }
}
