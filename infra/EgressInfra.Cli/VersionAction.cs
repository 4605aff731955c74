using System.CommandLine;
using System.CommandLine.Invocation;

namespace EgressInfra.Cli;

/// <summary>
/// <c>--version</c>: prints the informational version the build wrote into <see cref="BuildVersion"/>, the
/// same text System.CommandLine's own action reads from the assembly's attribute. Reading it by
/// reflection was a tenth of the instructions of <c>egressctl --version</c> in the Native AOT binary
/// (docs/performance.md).
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    /// <summary>As System.CommandLine's action: <c>--version</c> answers even beside a parse error.</summary>
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        parseResult.InvocationConfiguration.Output.WriteLine(BuildVersion.Informational);
        return ExitCodes.Ok;
    }
}
