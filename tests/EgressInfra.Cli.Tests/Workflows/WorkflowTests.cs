using System.Text.RegularExpressions;
using EgressInfra.TestSupport;

namespace EgressInfra.Cli.Tests.Workflows;

/// <summary>
/// The GitHub workflows run only commands that exist, with options that exist: every egressctl verb
/// and option against the CLI's command tree, every dotnet verb and option against a known list, every
/// project, solution, stack and file against the repository. Plus the shape the README promises.
/// </summary>
public partial class WorkflowTests
{
    public static TheoryData<string> Workflows => new() { "preview.yml", "deploy.yml" };

    private static WorkflowFile Read(string name) => WorkflowFile.Read(RepoPaths.File(".github", "workflows", name));

    private static CommandChecker CheckAll(WorkflowFile workflow)
    {
        var checker = new CommandChecker();
        foreach (var step in workflow.Steps.Where(s => s.Run is not null))
        {
            foreach (var words in ShellScript.Commands(step.Run!))
            {
                checker.Check(words, $"{Path.GetFileName(workflow.Path)} {step.Job}/{step.Name}");
            }
        }

        return checker;
    }

    private static IEnumerable<string> Stacks() =>
        Directory.EnumerateFiles(RepoPaths.Root, "Pulumi.*.yaml").Select(f => Path.GetFileName(f)["Pulumi.".Length..^".yaml".Length]).Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Workflows))]
    public void EveryCommand_ExistsWithItsOptions(string name)
    {
        var checker = CheckAll(Read(name));

        Assert.Empty(checker.Problems);
        Assert.Contains(checker.DotnetRuns, r => r[0] == "test");
        Assert.NotEmpty(checker.EgressctlRuns);
    }

    /// <summary>The matrix of stacks the preview job gets from the check job, found at run time.</summary>
    private const string StacksFromCheck = "${{ fromJSON(needs.check.outputs.stacks) }}";

    // A new Pulumi.<stack>.yaml must be checked with no workflow edit: the stack is never spelt out,
    // the loop goes over the same glob Stacks() reads here.
    [Theory]
    [MemberData(nameof(Workflows))]
    public void EveryStack_IsFoundAtRunTimeAndCheckedWithGithubAnnotations(string name)
    {
        var workflow = Read(name);
        var checks = CheckAll(workflow).EgressctlRuns.Where(r => r[0] == "check").ToList();

        var check = Assert.Single(checks);
        Assert.Equal("github", Value(check, "--format"));
        Assert.Equal("$stack", Value(check, "--stack"));
        var step = Assert.Single(workflow.Steps, s => s.Run?.Contains("-- check", StringComparison.Ordinal) == true);
        Assert.Contains("for file in Pulumi.*.yaml; do", step.Run, StringComparison.Ordinal);
        Assert.Contains("stack=${file#Pulumi.}", step.Run, StringComparison.Ordinal);
        Assert.Contains("stack=${stack%.yaml}", step.Run, StringComparison.Ordinal);
        Assert.NotEmpty(Stacks());
    }

    [Fact]
    public void Preview_DiffsEveryStackAgainstTheBaseBranch_EvenWhenCheckFails_AndCommentsWithoutFailingForks()
    {
        var workflow = Read("preview.yml");
        var diffs = CheckAll(workflow).EgressctlRuns.Where(r => r[0] == "diff").ToList();

        var diff = Assert.Single(diffs);
        Assert.Equal("markdown", Value(diff, "--format"));
        Assert.Contains("$file", diff);
        var diffStep = Assert.Single(workflow.Steps, s => s.Run?.Contains("-- diff", StringComparison.Ordinal) == true);
        Assert.Contains("for file in Pulumi.*.yaml; do", diffStep.Run, StringComparison.Ordinal);
        Assert.Contains("git show \"origin/$BASE_REF:$file\"", diffStep.Run, StringComparison.Ordinal);
        Assert.Contains("!cancelled()", diffStep.If, StringComparison.Ordinal);

        var comment = Assert.Single(workflow.Steps, s => s.Uses?.StartsWith("marocchino/sticky-pull-request-comment@", StringComparison.Ordinal) == true);
        Assert.Contains("!cancelled()", comment.If, StringComparison.Ordinal);
        Assert.True(comment.ContinueOnError, "a fork's read-only token must not turn the job red");
        Assert.Contains("pull_request", ((Core.Sources.MappingNode)workflow.Root["on"]!).Entries.Select(e => e.Key.Text));

        // Forks: the check job (build, tests, check, diff) always runs; only the preview needs secrets.
        var checkJob = Assert.Single(workflow.Jobs, j => j.Steps.Contains(diffStep));
        Assert.Null(checkJob.If);
    }

    [Fact]
    public void Preview_RunsPulumiPreviewForEveryStackUnderItsEnvironmentAndComments()
    {
        var workflow = Read("preview.yml");
        var job = Assert.Single(workflow.Jobs, j => j.Steps.Any(s => s.Uses?.StartsWith("pulumi/actions@", StringComparison.Ordinal) == true));
        var pulumi = Assert.Single(job.Steps, s => s.Uses?.StartsWith("pulumi/actions@", StringComparison.Ordinal) == true);

        Assert.Equal("preview", pulumi.With["command"]);
        Assert.Equal("true", pulumi.With["comment-on-pr"]);
        Assert.Contains("matrix.stack", pulumi.With["stack-name"], StringComparison.Ordinal);
        Assert.Equal([StacksFromCheck], job.Matrix["stack"]);
        Assert.Equal("preview-${{ matrix.stack }}", job.Environment);
        Assert.Contains("head.repo.full_name == github.repository", job.If, StringComparison.Ordinal);

        var find = Assert.Single(workflow.Steps, s => s.Run?.Contains("stacks=", StringComparison.Ordinal) == true);
        Assert.Contains("ls Pulumi.*.yaml", find.Run, StringComparison.Ordinal);
        Assert.Contains("GITHUB_OUTPUT", find.Run, StringComparison.Ordinal);
    }

    // Comments that send a reader to the README must name a section that exists.
    [Theory]
    [MemberData(nameof(Workflows))]
    public void ReadmeSections_CitedByAWorkflow_Exist(string name)
    {
        var text = File.ReadAllText(Read(name).Path).Replace("\n#", " ", StringComparison.Ordinal);
        var headings = RepoPaths.ReadText("README.md").Split('\n')
            .Where(l => l.StartsWith('#'))
            .Select(l => l.TrimStart('#').Trim())
            .ToHashSet(StringComparer.Ordinal);
        var cited = ReadmeCitation().Matches(text).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(cited);
        Assert.All(cited, c => Assert.Contains(c, headings));
    }

    [Fact]
    public void Deploy_UpsDevThenProdBehindTheProductionEnvironment()
    {
        var workflow = Read("deploy.yml");
        var ups = workflow.Jobs
            .SelectMany(j => j.Steps.Where(s => s.Uses?.StartsWith("pulumi/actions@", StringComparison.Ordinal) == true).Select(s => (Job: j, Step: s)))
            .ToList();

        Assert.All(ups, u => Assert.Equal("up", u.Step.With["command"]));
        var dev = Assert.Single(ups, u => StackNames(u.Step.With["stack-name"]).SequenceEqual(["dev"]));
        var prod = Assert.Single(ups, u => StackNames(u.Step.With["stack-name"]).SequenceEqual(["prod"]));
        Assert.Equal("production", prod.Job.Environment);
        Assert.Contains(dev.Job.Id, prod.Job.Needs);
        Assert.Equal(["main"], BranchesOfPush(workflow));
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void PulumiSteps_PointAtTheProjectAndExistingStacks(string name)
    {
        foreach (var job in Read(name).Jobs)
        {
            foreach (var step in job.Steps.Where(s => s.Uses?.StartsWith("pulumi/actions@", StringComparison.Ordinal) == true))
            {
                Assert.True(File.Exists(RepoPaths.File(step.With["work-dir"], "Pulumi.yaml")), $"{job.Id}: work-dir has no Pulumi.yaml");
                Assert.Contains(step.With["command"], new[] { "preview", "up" });
                var matrix = step.With["stack-name"].Contains("matrix.stack", StringComparison.Ordinal) ? job.Matrix["stack"] : null;
                var stacks = matrix is null ? StackNames(step.With["stack-name"]) : matrix.SequenceEqual([StacksFromCheck]) ? [.. Stacks()] : [.. matrix];
                Assert.NotEmpty(stacks);
                Assert.All(stacks, s => Assert.True(File.Exists(RepoPaths.File($"Pulumi.{s}.yaml")), $"{job.Id}: no stack {s}"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void EverySecret_IsDocumentedInTheReadme(string name)
    {
        var workflow = Read(name);
        var text = File.ReadAllText(workflow.Path);
        var readme = RepoPaths.ReadText("README.md");
        var secrets = SecretName().Matches(text).Select(m => m.Groups[1].Value)
            .Concat(text.Contains("secrets[matrix.kubeconfig]", StringComparison.Ordinal) ? workflow.Jobs.SelectMany(j => j.Matrix.GetValueOrDefault("kubeconfig") ?? []) : [])
            .Where(s => s != "GITHUB_TOKEN")
            .Distinct();

        Assert.All(secrets, s => Assert.Contains($"`{s}`", readme, StringComparison.Ordinal));
    }

    // The checker itself: a workflow with mistakes must be caught, or the tests above prove nothing.
    [Fact]
    public void Checker_FindsMisspeltVerbsOptionsStacksAndProjects()
    {
        var checker = new CommandChecker();
        var script = """
            dotnet tset EgressInfra.sln
            dotnet test EgressInfra.sln --no-buld
            dotnet build Missing.sln
            dotnet run --no-build --project infra/EgressInfra.Cli -- chek --stack dev
            dotnet run --project infra/EgressInfra.Cli -- check --stak dev --format github || status=1
            egressctl diff --stack dev --stack staging
            FOO=1 egressctl explain -n payments --host api.stripe.com --port 443 --file missing/Pulumi.x.yaml > out.txt 2>&1
            """;

        foreach (var words in ShellScript.Commands(script))
        {
            checker.Check(words, "test");
        }

        Assert.Equal(7, checker.Problems.Count);
        Assert.Contains(checker.Problems, p => p.Contains("'dotnet tset", StringComparison.Ordinal));
        Assert.Contains(checker.Problems, p => p.Contains("no option --no-buld", StringComparison.Ordinal));
        Assert.Contains(checker.Problems, p => p.Contains("no project or solution at Missing.sln", StringComparison.Ordinal));
        Assert.Contains(checker.Problems, p => p.Contains("no verb 'chek'", StringComparison.Ordinal));
        Assert.Contains(checker.Problems, p => p.Contains("no option '--stak'", StringComparison.Ordinal));
        Assert.Contains(checker.Problems, p => p.Contains("no stack 'staging'", StringComparison.Ordinal));
        Assert.Contains(checker.Problems, p => p.Contains("--file missing/Pulumi.x.yaml does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public void ShellScript_SplitsSeparatorsAndDropsRedirectionsAndAssignments()
    {
        var commands = ShellScript.Commands("A=1 dotnet test x.sln --filter \"a b\" > \"$OUT\" 2>&1 || status=1; echo '#x' # comment\ngit show \\\n  origin/main:Pulumi.prod.yaml >> f");

        Assert.Equal(
            [["dotnet", "test", "x.sln", "--filter", "a b"], ["echo", "#x"], ["git", "show", "origin/main:Pulumi.prod.yaml"]],
            commands.Select(c => c.ToArray()).ToArray());
    }

    private static string? Value(IReadOnlyList<string> args, string option)
    {
        var at = args.ToList().IndexOf(option);
        return at >= 0 && at + 1 < args.Count ? args[at + 1] : null;
    }

    private static List<string> StackNames(string expression) =>
        [.. QuotedWord().Matches(expression).Select(m => m.Groups[1].Value).Where(v => !v.Contains('{', StringComparison.Ordinal)).Distinct()];

    private static List<string> BranchesOfPush(WorkflowFile workflow) =>
        [.. (((workflow.Root["on"] as Core.Sources.MappingNode)?["push"] as Core.Sources.MappingNode)?["branches"] as Core.Sources.SequenceNode)?.Items.OfType<Core.Sources.ScalarNode>().Select(s => s.Text) ?? []];

    [GeneratedRegex(@"secrets\.([A-Z0-9_]+)")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex QuotedWord();

    [GeneratedRegex(@"README,?\s+""([^""]+)""")]
    private static partial Regex ReadmeCitation();
}
