using System.Globalization;
using ModelGates.Checks;
using ModelGates.Contracts;
using ModelGates.Contracts.Pushdown;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Inputs;
using ModelGates.Sources;

namespace ModelGates.Xunit;

/// <summary>Assertions that a dataset satisfies a data contract.</summary>
public static partial class DataAssert
{
    /// <summary>Asserts that the data at <paramref name="dataPath"/> satisfies the contract file at <paramref name="contractPath"/>.</summary>
    /// <returns>The validation result, for further assertions.</returns>
    /// <exception cref="ModelGatesAssertException">A check failed, or the contract or data cannot be read.</exception>
    public static ValidationResult Satisfies(string dataPath, string contractPath)
    {
        DataContract contract;
        try
        {
            contract = ContractReader.Read(contractPath);
        }
        catch (ModelGatesException e)
        {
            throw new ModelGatesAssertException(FailureMessage.ForDiagnostics($"Contract {contractPath} cannot be used:", e.Diagnostics));
        }

        return Satisfies(dataPath, contract);
    }

    /// <summary>Asserts that the data at <paramref name="dataPath"/> satisfies <paramref name="contract"/>.</summary>
    public static ValidationResult Satisfies(string dataPath, DataContract contract)
    {
        ValidationResult result;
        try
        {
            using var pipeline = new InputPipeline { MemoryLimit = ConfiguredMemoryLimit.Find() };
            var table = pipeline.ReadTable(new DatasetSource(dataPath) { Csv = contract.Read, Format = contract.Format, MaxUnparsedRows = contract.MaxUnparsedRows, AllText = true });
            result = ContractValidator.Validate(pipeline.Engine, contract, table.Dataset, contract.MaxUnparsedRows);
        }
        catch (ModelGatesException e)
        {
            throw new ModelGatesAssertException(FailureMessage.ForDiagnostics($"{dataPath} cannot be validated:", e.Diagnostics));
        }

        var failed = result.Checks.Where(c => c.Status == CheckStatus.Failed).ToList();
        if (failed.Count > 0)
        {
            var headline = string.Create(CultureInfo.InvariantCulture, $"{dataPath} does not satisfy {contract.File ?? "the contract"}: {failed.Count} of {result.ChecksRun} checks failed.");
            throw new ModelGatesAssertException(FailureMessage.ForDiagnostics(headline, failed.Select(c => c.Diagnostic!)));
        }

        return result;
    }

    /// <summary>
    /// Asserts that a database dataset (<c>table:CONNECTION.TABLE</c> or <c>sql:CONNECTION:QUERY</c>, naming one of
    /// <paramref name="connections"/>) satisfies the contract file at <paramref name="contractPath"/>, checked inside
    /// the database: one aggregate scan, and a bounded number of example rows for each failing check (docs/scale.md).
    /// </summary>
    /// <returns>The validation result, for further assertions.</returns>
    /// <exception cref="ModelGatesAssertException">A check failed, or the contract, the connection or the table cannot be used.</exception>
    public static DatabaseValidationResult SatisfiesInDatabase(string dataset, string contractPath, ConnectionSet connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        DatabaseValidationResult result;
        try
        {
            var contract = ContractReader.Read(contractPath);
            var source = connections.DataArgument(dataset)
                ?? throw new ConfigurationException(DiagnosticCatalog.InvalidDatabaseDataset.Create($"'{dataset}' is not a database dataset: name one as table:CONNECTION.TABLE or sql:CONNECTION:QUERY."));
            using var pipeline = new InputPipeline { Connections = connections, MemoryLimit = ConfiguredMemoryLimit.Find() };
            result = pipeline.ValidateInDatabase(source, contract);
        }
        catch (ModelGatesException e)
        {
            throw new ModelGatesAssertException(SecretMask.Mask(FailureMessage.ForDiagnostics($"{dataset} cannot be validated against {contractPath}:", e.Diagnostics)));
        }

        var failed = result.Checks.Where(c => c.Status == CheckStatus.Failed).ToList();
        if (failed.Count > 0)
        {
            var headline = string.Create(CultureInfo.InvariantCulture, $"{result.Dataset} does not satisfy {contractPath}: {failed.Count} of {result.ChecksRun} checks failed.");
            throw new ModelGatesAssertException(SecretMask.Mask(FailureMessage.ForDiagnostics(headline, failed.Select(c => c.Diagnostic!))));
        }

        return result;
    }
}
