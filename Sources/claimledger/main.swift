import LedgerCLI

ClaimLedgerCommand.runMain()
