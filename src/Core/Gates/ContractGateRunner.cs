using System.Globalization;
using System.Text;
using ModelGates.Checks;
using ModelGates.Contracts;
using ModelGates.Diagnostics;
using ModelGates.Gates.Config;

namespace ModelGates.Gates;

/// <summary>Runs the <c>contracts</c> gates: each dataset against its contract, every rule a check.</summary>
internal sealed class ContractGateRunner : IGateRunner
{
    /// <inheritdoc />
    public IEnumerable<GateResult> Run(GatesConfig config, GateRunContext context)
    {
        foreach (var gate in config.Contracts.Where(g => g.Severity is not null))
        {
            context.Options.Progress?.Invoke($"contract '{gate.Name}': validating dataset '{gate.Dataset}'");
            var declaration = context.Datasets.Declaration(gate.Dataset);
            if (declaration.Database is not null)
            {
                yield return InDatabase(config, gate, declaration, context);
                continue;
            }

            var table = context.Datasets.Table(gate.Dataset, gate.Partitions, allText: true);
            var dataset = table.Dataset;
            context.Read($"dataset {gate.Dataset}", table.Hashes);
            if (gate.ContractFile is not null)
            {
                context.Read($"contract {gate.Name}", gate.ContractFile);
            }

            var result = ContractValidator.Validate(context.Datasets.Engine, gate.Contract, dataset, gate.Contract.MaxUnparsedRows > 0 ? gate.Contract.MaxUnparsedRows : declaration.MaxUnparsedRows);
            var checks = result.Checks.Select(c => Scope(gate, c)).ToList();
            yield return new GateResult("contract", gate.Name, gate.Position, checks)
            {
                Facts =
                [
                    new("dataset", gate.Dataset),
                    new("rows", result.Dataset.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new("contract", gate.ContractFile ?? "inline"),
                ],
            };
        }
    }

    /// <summary>A contract over a database dataset, checked inside the database with the same check ids.</summary>
    private static GateResult InDatabase(GatesConfig config, ContractGate gate, DatasetDeclaration declaration, GateRunContext context)
    {
        if (gate.Partitions is not null)
        {
            throw new ConfigurationException(DiagnosticCatalog.InvalidDatabaseDataset.Create(
                $"Contract gate '{gate.Name}' filters partitions of dataset '{gate.Dataset}', which is a database table or query; give the condition in a 'query' instead.") with
            { File = config.File, Line = gate.PositionOf("partitions").Line, SourceColumn = gate.PositionOf("partitions").Column });
        }

        var pipeline = context.Datasets.Pipeline;
        var source = DatasetCache.Source(declaration);
        var result = pipeline.ValidateInDatabase(source, gate.Contract);
        var input = pipeline.ReadDatabase(declaration.Database!);

        // The hash names the aggregates the gate judged: the row count and every check's measured value.
        var aggregates = new StringBuilder().Append("rows\t").Append(result.Rows.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var check in result.Checks)
        {
            aggregates.Append(check.Id).Append('\t').Append(check.Measured?.ToString() ?? string.Empty).Append('\n');
        }

        context.ReadDatabase($"dataset {gate.Dataset}", input.Display, input.Hash(Encoding.UTF8.GetBytes(aggregates.ToString())));
        if (gate.ContractFile is not null)
        {
            context.Read($"contract {gate.Name}", gate.ContractFile);
        }

        return new GateResult("contract", gate.Name, gate.Position, [.. result.Checks.Select(c => Scope(gate, c))])
        {
            Facts =
            [
                new("dataset", gate.Dataset),
                new("rows", result.Rows.ToString(CultureInfo.InvariantCulture)),
                new("contract", gate.ContractFile ?? "inline"),
            ],
        };
    }

    /// <summary>Prefixes the check id with the gate and caps its severity at the gate's.</summary>
    private static CheckResult Scope(ContractGate gate, CheckResult check) =>
        GateSeverity.Apply(check with { Id = $"contract:{gate.Name}/{check.Id}", Description = $"{gate.Name}: {check.Description}" }, gate.Severity!.Value);
}
