import LedgerCLI

await ClaimLedgerCommand.runMain()
