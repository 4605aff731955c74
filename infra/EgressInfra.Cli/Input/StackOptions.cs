using System.CommandLine;

namespace EgressInfra.Cli.Input;

/// <summary>The options every stack-reading verb shares: which stack file, which project it belongs to, and how much to read.</summary>
public sealed class StackOptions
{
    public Option<string?> Stack { get; } = new("--stack", "-s") { Description = "Stack name: reads Pulumi.<NAME>.yaml in the project directory." };

    public Option<string?> File { get; } = new("--file", "-f") { Description = "Path of a stack file to read (any name)." };

    public Option<string?> ProjectDir { get; } = new("--project-dir") { Description = "Directory holding Pulumi.yaml and the stack files (default: current directory)." };

    public Option<string?> MaxInputSize { get; } = InputLimit.CreateOption();

    public void AddTo(Command command)
    {
        command.Add(Stack);
        command.Add(File);
        command.Add(ProjectDir);
        command.Add(MaxInputSize);
    }

    public StackSource Resolve(ParseResult parse) =>
        StackSource.Resolve(parse.GetValue(Stack), parse.GetValue(File), parse.GetValue(ProjectDir), new InputText.Budget(InputLimit.Resolve(parse.GetValue(MaxInputSize))));
}
