/**
 * The allocation-file import engine of {@code portfolio}: files stored and checked, rows
 * read and checked on all cores, staged with {@code COPY} and merged set-based in one
 * transaction (or two sessions committed together, {@link NewRowsSession}), rejects kept,
 * and what a stop leaves settled ({@link PreparedImports}). Internal to the module, as
 * every sub-package is; what other modules may use is the named interface
 * {@code imports}: {@link AllocationImports}, {@link ImportView} and the mapping
 * profiles. The engine reaches the customer module only through
 * {@link org.dues.customer.CustomerIntake}, and the ledger side of its own module through
 * {@link org.dues.portfolio.Creditors}, {@link org.dues.portfolio.PlacementParser} and
 * {@link ImportedAccounts}.
 */
@NullMarked
package org.dues.portfolio.imports;

import org.jspecify.annotations.NullMarked;
