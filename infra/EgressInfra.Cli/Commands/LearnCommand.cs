using System.CommandLine;
using EgressInfra.Cli.Input;
using EgressInfra.Cli.Output;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Diff;
using EgressInfra.Core.Learn;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Validation;

namespace EgressInfra.Cli.Commands;

/// <summary>
/// <c>egressctl learn</c>: the smallest config that allows the external destinations the access logs
/// show (PassthroughCluster under ALLOW_ANY, BlackHoleCluster under REGISTRY_ONLY), as a fragment for
/// egress.include, or as a diff against a stack.
/// </summary>
public static class LearnCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Envoy access logs (Istio's default TEXT or JSON format): files, directories laid out as DIR/<namespace>/*.log, or '-' for stdin.",
            Arity = ArgumentArity.OneOrMore,
        };
        var ns = new Option<string?>("--namespace", "-n") { Description = "The namespace whose proxies wrote the files and stdin (a DIR/<namespace>/ layout names its own).", HelpName = "NS" };
        var owner = new Option<string?>("--owner") { Description = "The team that owns the proposed fragment (default: a <team> placeholder).", HelpName = "TEAM" };
        var against = new Option<string?>("--against") { Description = "A stack name or stack file: print what the learned destinations would add to it, as egressctl diff does.", HelpName = "STACK" };
        var projectDir = new Option<string?>("--project-dir") { Description = "Directory holding Pulumi.yaml and the stack files (default: current directory)." };
        var maxInputSize = InputLimit.CreateOption();
        var command = new Command("learn", "Propose the smallest egress config that allows what Envoy's access logs show (PassthroughCluster, BlackHoleCluster), by SNI, authority or address.")
        {
            files, ns, owner, against, projectDir, maxInputSize,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(ns) is { } given && !KubernetesNames.IsDns1123Label(given))
            {
                throw new UsageException($"'{given}' is not a namespace name");
            }

            // One budget for the logs and the --against stack, as the other reading verbs have.
            var budget = new InputText.Budget(InputLimit.Resolve(parse.GetValue(maxInputSize)));
            var (sources, notes) = LogInputs.Resolve(parse.GetValue(files)!, parse.GetValue(ns), context.In, budget, context.InBytes);
            var invalid = sources.Select(s => s.Namespace).FirstOrDefault(n => !KubernetesNames.IsDns1123Label(n));
            if (invalid is not null)
            {
                throw new UsageException($"'{invalid}' (a folder name) is not a namespace name; lay logs out as DIR/<namespace>/*.log");
            }

            var result = TrafficLearner.Learn(sources);
            if (result.Lines > 0 && result.MalformedCount == result.Lines)
            {
                // Not one line was an access log: the wrong file, not a log with a few bad lines.
                DiagnosticWriter.WriteText(context.Error, [.. notes, .. result.Malformed], "learn");
                throw new UsageException($"none of the {result.Lines} lines read is an access-log line in Istio's default TEXT or JSON format; give learn the proxies' access logs");
            }

            var team = parse.GetValue(owner) ?? FragmentProposal.OwnerPlaceholder;
            var (code, findings) = parse.GetValue(against) is { } stack
                ? Against(context, result, stack, parse.GetValue(projectDir), team, budget)
                : Propose(context, result, team);

            DiagnosticWriter.WriteText(context.Error, [.. notes, .. result.Malformed, .. findings], "learn");
            context.Error.Write($"learn: {result.Lines} lines, {result.Learned} to unknown destinations ({result.Destinations.Count} distinct), {result.OtherClusters} to known services or inbound, {result.MalformedCount} malformed and skipped\n");
            return code;
        });
        return command;
    }

    /// <summary>The proposed fragment on stdout; what the reviewer must decide (EGR631, EGR632) as findings. A proposal is a success (0) whatever it holds.</summary>
    private static (int, IReadOnlyList<Diagnostic>) Propose(CliContext context, LearnResult result, string team)
    {
        var services = FragmentProposal.Services(result.Destinations);
        context.Out.Write(FragmentProposal.Write(services, result, team));
        return (ExitCodes.Ok, LearnFindings.For(services));
    }

    private static (int, IReadOnlyList<Diagnostic>) Against(CliContext context, LearnResult result, string stack, string? projectDir, string team, InputText.Budget budget)
    {
        var source = File.Exists(stack) ? StackSource.Resolve(null, stack, projectDir, budget) : StackSource.Resolve(stack, null, projectDir, budget);
        var current = source.Parse();
        var plan = EgressPipeline.Evaluate(current, new EvaluationOptions(context.Time));
        if (plan.Config is null || current.ProjectConfig is null)
        {
            DiagnosticWriter.WriteText(context.Error, plan.Diagnostics, source.DisplayPath);
            return (ExitCodes.Unusable, []);
        }

        var missing = LearnedAdditions.NotAllowed(plan.Config, result.Destinations);
        var services = FragmentProposal.Services(missing, plan.Config.Egress.Services.Select(s => s.Name));
        var learned = current with { ProjectConfig = LearnedAdditions.Merge(current.ProjectConfig, services, team) };
        var diff = EgressDiffer.Compare(current, source.DisplayPath, learned, "learned", new EvaluationOptions(context.Time));
        if (diff.Diff is null)
        {
            DiagnosticWriter.WriteText(context.Error, diff.New.Diagnostics, "learned");
            return (ExitCodes.Unusable, []);
        }

        context.Out.Write(DiffText.Write(diff.Diff));
        return (ExitCodes.Ok, LearnFindings.For(services, fragmentPaths: false));
    }
}
