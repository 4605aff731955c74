using EgressInfra.Core.Sources;

namespace EgressInfra.Cli.Tests.Workflows;

/// <summary>One step of a workflow job, as the tests need it.</summary>
internal sealed record WorkflowStep(string Job, string Name, string? Run, string? Uses, IReadOnlyDictionary<string, string> With)
{
    /// <summary>The step's <c>if:</c> condition, when it has one.</summary>
    public string? If { get; init; }

    public bool ContinueOnError { get; init; }
}

/// <summary>One job: its steps, the values of its matrix, its GitHub environment.</summary>
internal sealed record WorkflowJob(string Id, IReadOnlyList<WorkflowStep> Steps, IReadOnlyDictionary<string, IReadOnlyList<string>> Matrix, string? Environment, IReadOnlyList<string> Needs)
{
    /// <summary>The job's <c>if:</c> condition, when it has one.</summary>
    public string? If { get; init; }
}

/// <summary>A GitHub Actions workflow read with the Core's own YAML reader.</summary>
internal sealed record WorkflowFile(string Path, MappingNode Root, IReadOnlyList<WorkflowJob> Jobs)
{
    public IEnumerable<WorkflowStep> Steps => Jobs.SelectMany(j => j.Steps);

    public static WorkflowFile Read(string path)
    {
        var doc = YamlTreeReader.ReadSingle(File.ReadAllText(path), path);
        Assert.True(doc.Problems.Count == 0, string.Join("\n", doc.Problems));
        var root = Assert.IsType<MappingNode>(doc.Root);
        var jobs = new List<WorkflowJob>();
        foreach (var (id, node) in Assert.IsType<MappingNode>(root["jobs"]).Entries)
        {
            var job = Assert.IsType<MappingNode>(node);
            var steps = new List<WorkflowStep>();
            var index = 0;
            foreach (var item in (job["steps"] as SequenceNode)?.Items ?? [])
            {
                var step = Assert.IsType<MappingNode>(item);
                var with = (step["with"] as MappingNode)?.Entries.ToDictionary(e => e.Key.Text, e => Text(e.Value) ?? string.Empty, StringComparer.Ordinal)
                    ?? new Dictionary<string, string>(StringComparer.Ordinal);
                steps.Add(new WorkflowStep(id.Text, Text(step["name"]) ?? $"step {index}", Text(step["run"]), Text(step["uses"]), with)
                {
                    If = Text(step["if"]),
                    ContinueOnError = Text(step["continue-on-error"]) == "true",
                });
                index++;
            }

            jobs.Add(new WorkflowJob(id.Text, steps, Matrix(job), Text(job["environment"]), Needs(job["needs"])) { If = Text(job["if"]) });
        }

        return new WorkflowFile(path, root, jobs);
    }

    private static Dictionary<string, IReadOnlyList<string>> Matrix(MappingNode job)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if ((job["strategy"] as MappingNode)?["matrix"] is not MappingNode matrix)
        {
            return [];
        }

        foreach (var (key, value) in matrix.Entries)
        {
            var rows = key.Text == "include" ? (value as SequenceNode)?.Items.OfType<MappingNode>() ?? [] : [new MappingNode([new(key, value)])];
            foreach (var row in rows)
            {
                foreach (var (name, cell) in row.Entries)
                {
                    var list = values.TryGetValue(name.Text, out var l) ? l : values[name.Text] = [];
                    list.AddRange(cell is SequenceNode seq ? seq.Items.Select(Text).OfType<string>() : [Text(cell) ?? string.Empty]);
                }
            }
        }

        return values.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal);
    }

    private static List<string> Needs(ConfigNode? node) => node switch
    {
        ScalarNode s => [s.Text],
        SequenceNode seq => [.. seq.Items.Select(Text).OfType<string>()],
        _ => [],
    };

    private static string? Text(ConfigNode? node) => (node as ScalarNode)?.Text;
}
