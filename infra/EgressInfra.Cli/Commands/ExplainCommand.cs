using System.CommandLine;
using EgressInfra.Cli.Input;
using EgressInfra.Cli.Output;
using EgressInfra.Core.Explain;
using EgressInfra.Core.Pipeline;

namespace EgressInfra.Cli.Commands;

/// <summary><c>egressctl explain</c>: may a pod in this namespace reach this host and port, and if not, what it sees and what to change.</summary>
public static class ExplainCommand
{
    public static Command Create(CliContext context)
    {
        var stack = new StackOptions();
        var ns = new Option<string>("--namespace", "-n") { Description = "The namespace the calling pod runs in.", Required = true };
        var host = new Option<string>("--host") { Description = "The host name the client asks for (SNI or Host header), or an IP address.", Required = true };
        var port = new Option<int>("--port", "-p") { Description = "The destination port.", Required = true };
        var protocol = new Option<string?>("--protocol") { Description = "What the client speaks (HTTP, HTTPS, TLS, TCP, MySQL, ...); default: what the stack declares for the port." };
        var format = CommonOptions.Format("explain", "Output format: text or json.", "text", "json");
        var command = new Command("explain", "Explain whether a namespace may reach a destination, through which entry, and if not what a pod sees and the smallest change that allows it. Exit 0 allowed, 1 denied, 2 usage or a stack with errors.");
        stack.AddTo(command);
        command.Add(ns);
        command.Add(host);
        command.Add(port);
        command.Add(protocol);
        command.Add(format);
        command.SetAction(parse =>
        {
            var protocolText = parse.GetValue(protocol);
            Core.Config.ServiceProtocol? asked = protocolText is null ? null : ExplainQuery.ParseProtocol(protocolText)
                ?? throw new UsageException($"'{protocolText}' is not a protocol; use one of: {string.Join(", ", Core.Config.IstioNames.Protocols.Keys.Order(StringComparer.Ordinal))}");
            var query = new ExplainQuery(parse.GetValue(ns)!, parse.GetValue(host)!, parse.GetValue(port), asked);
            var problems = query.Problems();
            if (problems.Count > 0)
            {
                throw new UsageException(string.Join("; ", problems));
            }

            var source = stack.Resolve(parse);
            var result = EgressExplainer.Explain(source.Parse(), query, new EvaluationOptions(context.Time));
            if (result.Explanation is not { } explanation)
            {
                DiagnosticWriter.WriteText(context.Error, result.Plan.Diagnostics, source.DisplayPath);
                context.Error.Write(ExplanationText.Refusal(result.Plan.Diagnostics));
                return ExitCodes.Unusable;
            }

            var json = parse.GetValue(format) == "json";
            if (NamespaceQuestion(result.Plan.Config, query.Namespace) is { } question)
            {
                // Asked before the verdict, which would otherwise propose governing a namespace that is likely a typo.
                (json ? context.Error : context.Out).Write($"{question}\n");
            }

            context.Out.Write(json ? ExplanationJson.Write(explanation) : ExplanationText.Write(explanation));
            return explanation.Allowed ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return command;
    }

    /// <summary>"did you mean 'orders'?" when the namespace asked about is not governed but one close to it is.</summary>
    public static string? NamespaceQuestion(Core.Config.StackConfig? config, string asked)
    {
        if (config is null || config.Egress.Namespaces.Contains(asked))
        {
            return null;
        }

        var suggestion = Core.Config.Binding.KeySuggester.Suggest(asked, config.Egress.Namespaces);
        return suggestion is null
            ? null
            : $"note: this stack does not govern '{asked}'; did you mean '{suggestion}'? (it governs {string.Join(", ", config.Egress.Namespaces)}). The answer below is for '{asked}' as asked.";
    }
}
