using System.Globalization;
using EgressInfra.Benchmarks;

// egress-floor FILE [FILE ...]        YamlDotNet load + emit of each file, the text to standard output
// egress-floor --generate N PATH [--namespaces M] [--changed-every K]
//                                     writes the benchmark stack of N services (StackGenerator)
if (args is ["--generate", var count, var path, .. var rest])
{
    var namespaces = StackGenerator.DefaultNamespaces;
    var changedEvery = 0;
    for (var i = 0; i + 1 < rest.Length; i += 2)
    {
        var value = int.Parse(rest[i + 1], CultureInfo.InvariantCulture);
        switch (rest[i])
        {
            case "--namespaces":
                namespaces = value;
                break;
            case "--changed-every":
                changedEvery = value;
                break;
            default:
                Console.Error.WriteLine($"unknown option {rest[i]}");
                return 2;
        }
    }

    File.WriteAllText(path, StackGenerator.Generate(int.Parse(count, CultureInfo.InvariantCulture), namespaces, changedEvery));
    return 0;
}

if (args.Length == 0)
{
    Console.Error.WriteLine("usage: egress-floor FILE [FILE ...] | --generate N PATH [--namespaces M] [--changed-every K]");
    return 2;
}

using var stdout = new StreamWriter(Console.OpenStandardOutput());
foreach (var file in args)
{
    YamlDotNetFloor.Run(File.ReadAllText(file), stdout);
}

return 0;
