"""What the readers say about a file, in English source form (German comes from the catalogs)."""

from reportgen.common.i18n import N_, Nn_
from reportgen.common.problems import Message

FILE_NOT_FOUND = Message(N_("The file does not exist."), N_("Check the path and the file name."))
UNSUPPORTED_TYPE = Message(
    N_('Files of type "{suffix}" cannot be read.'),
    N_("Save the assessment as .xlsx, .ods or .csv."),
)
EMPTY_FILE = Message(N_("The file is empty."), N_("Save the assessment again from Excel or LibreOffice."))
NOT_A_SPREADSHEET = Message(
    N_("The file cannot be opened as a spreadsheet: it is damaged or in another format."),
    N_("Open it in Excel or LibreOffice and save it again as .xlsx or .ods."),
)
PASSWORD_PROTECTED = Message(
    N_("The workbook is password-protected."),
    N_("Save a copy without a password and use that one."),
)
NOT_TEXT = Message(
    N_("The file is neither UTF-8 nor Windows-1252 text."),
    N_('Export it again as "CSV UTF-8".'),
)
SHEET_MISSING = Message(
    N_('There is no sheet "{sheet}" (the workbook has: {found}).'),
    N_('Rename the sheet to "{sheet}"; German and English sheet names both work.'),
)
HEADER_NOT_FOUND = Message(
    N_('No header row with a "{column}" column was found.'),
    N_(
        'Put the headers "{column}", "{supplier}", "{key_account}" and "{comment}" '
        "in one row above the factors."
    ),
)
COLUMN_MISSING = Message(
    N_('The column "{column}" is missing.'),
    N_('Add a column headed "{column}"; German and English headers both work.'),
)
FIELD_MISSING = Message(
    N_('The field "{field}" is missing or empty.'),
    N_('Write "{field}" in column A and its value in column B of the same row.'),
)
CELL_EMPTY = Message(
    N_('The cell is empty, but every row needs "{field}".'),
    N_("Fill it in, as in the other rows."),
)
UNKNOWN_FACTOR = Message(
    N_('"{value}" is not a factor of the catalog {catalog}.'),
    N_("Use a factor's id or its title (German or English) as the catalog has it."),
)
UNKNOWN_FACTOR_NEAR = Message(
    N_('"{value}" is not a factor of the catalog {catalog}.'),
    N_('Did you mean "{suggestion}"?'),
)
DUPLICATE_FACTOR = Message(
    N_('The factor "{factor}" is rated again (first in {first}).'),
    N_("Keep one row per factor and delete the other."),
)
SCORE_NOT_A_NUMBER = Message(
    N_('"{value}" is not a number.'),
    N_("Enter a number from {min} to {max}, or leave the cell blank (= not rated)."),
)
SCORE_OUT_OF_SCALE = Message(
    N_('"{value}" lies outside the scale {min}–{max}.'),
    N_("Enter a number from {min} to {max}, or leave the cell blank (= not rated)."),
)
SCORE_READ_AS = Message(
    N_('"{value}" was read as {score}.'),
    N_("If you meant another score, enter it as a number from {min} to {max}."),
)
SCORES_READ_AS = Message(
    N_("{count} scores were written as words and read as numbers: {examples}."),
    N_("If one of them is not what you meant, enter the score as a number from {min} to {max}."),
)
SCORES_READ_AS_AMONG = Message(
    N_("{count} scores were written as words and read as numbers, among them {examples}."),
    N_("If one of them is not what you meant, enter the score as a number from {min} to {max}."),
)
SCORE_EXAMPLE = Message(N_('{cell} "{value}" → {score}'))
SCORE_WORD_DISAGREES = Message(
    N_('"{value}": the number {number} and the word "{word}" (= {point}) disagree.'),
    N_("Enter the score you mean as a number from {min} to {max}."),
)
PERIOD_INVALID = Message(N_('"{value}" is not a period.'), N_("Write the quarter like 2026-Q3."))
PERIOD_READ_AS = Message(
    N_('"{value}" was read as {period}.'),
    N_("If that is the quarter you mean, write {period} and this note goes away; otherwise correct it."),
)
PERIOD_FROM_DATE = Message(
    N_("The date {date} was read as {period}, the quarter it falls in."),
    N_("If that is the quarter you mean, write {period} and this note goes away; otherwise correct it."),
)
DATE_INVALID = Message(
    N_('"{value}" is not a date, so it is left blank; the ratings count all the same.'),
    N_("Enter a date such as 15.09.2026 or 2026-09-15."),
)
AMOUNT_INVALID = Message(
    N_('"{value}" is not an amount, so the annual revenue is left blank; the ratings count all the same.'),
    N_("Enter the annual revenue as a number, e.g. 1250000 or 1.25 m."),
)
AMOUNT_READ_AS = Message(
    N_('"{value}" was read as {amount}.'),
    N_("If that is the amount you mean, write {plain} and this note goes away; otherwise correct it."),
)
AMOUNT_IN_OTHER_CURRENCY = Message(
    N_(
        '"{value}" is an amount in {named}, but the currency is {currency}, so the annual revenue is left '
        "blank; the ratings count all the same."
    ),
    N_("Correct the currency, or write the amount in {currency}."),
)
CURRENCY_INVALID = Message(
    N_(
        '"{value}" is not a currency code, so the currency and the annual revenue are left blank; '
        "the ratings count all the same."
    ),
    N_("Use a three-letter code such as EUR, CHF or USD."),
)
HOURS_INVALID = Message(
    N_('"{value}" is not a number of hours.'),
    N_(
        "Enter the hours our people spend on the account in a year as a number, e.g. 1150, or leave the "
        "cell blank."
    ),
)
HOURS_NEGATIVE = Message(
    N_('"{value}": the hours spent on an account cannot be fewer than zero.'),
    N_(
        "Enter the hours our people spend on the account in a year as a number, e.g. 1150, or leave the "
        "cell blank."
    ),
)
HOURS_MANY = Message(
    N_(
        "{hours} hours a year for one account is more than {limit}, about ten people working on it full time."
    ),
    N_(
        "Check that the hours are per year and for this account alone; if they are right, this note can "
        "be ignored."
    ),
)
SERVICE_AMOUNT_INVALID = Message(
    N_('"{value}" is not an amount, so "{field}" cannot be read.'),
    N_("Enter a number of 0 or more, such as 95 or €12,000, or leave the cell blank."),
)
SERVICE_AMOUNT_NEGATIVE = Message(
    N_('"{value}": "{field}" cannot be less than zero.'),
    N_("Enter a number of 0 or more, such as 95 or €12,000, or leave the cell blank."),
)
SERVICE_AMOUNT_IN_OTHER_CURRENCY = Message(
    N_('"{value}" is an amount in {named}, but the account\'s amounts are in {currency}.'),
    N_(
        "Amounts in different currencies are never added up: write it in {currency}, or, if all of the "
        'account\'s amounts are in {named}, enter {named} as "Currency".'
    ),
)
MARGIN_INVALID = Message(
    N_(
        '"{value}" is neither an amount nor a share of the revenue, so the contribution margin cannot be '
        "read."
    ),
    N_(
        "Enter the contribution margin as an amount, e.g. 380000, or as a share of the revenue, e.g. 18 "
        "%, or leave the cell blank."
    ),
)
MARGIN_SHARE_TOO_LARGE = Message(
    N_('"{value}": a contribution margin cannot be more than the whole revenue.'),
    N_("Enter the margin as a share of the annual revenue, e.g. 18 %, or as an amount, e.g. 380000."),
)
MARGIN_SHARE_READ_AS = Message(
    N_(
        'The contribution margin "{value}" was read as {share} of the annual revenue, as a spreadsheet '
        "keeps a cell formatted as a percentage."
    ),
    N_("If you meant an amount, write it in full; if you meant the share, this note can be ignored."),
)
MARGIN_SHARE_WITHOUT_REVENUE = Message(
    N_("The contribution margin is given as {share} of the revenue, but no annual revenue is given."),
    N_("Enter the annual revenue too, or the contribution margin as an amount: until then it is left blank."),
)
MARGIN_ABOVE_REVENUE = Message(
    N_("The contribution margin of {margin} is larger than the annual revenue of {revenue}."),
    N_(
        "Check both: the margin is what the revenue leaves after the account's variable costs, so at most"
        " the revenue."
    ),
)
HOURLY_RATE_UNUSUAL = Message(
    N_("An hourly rate of {rate} is outside the usual {low} to {high}."),
    N_(
        "Check that it is the internal cost of one hour of our people's time; if it is right, this note "
        "can be ignored."
    ),
)
SERVICE_IN_QUESTIONNAIRE = Message(
    N_(
        "The key account's questionnaire gives \"{field}\", which only our team's workbook gives: it is left "
        "out."
    ),
    N_("Delete the row from the questionnaire, and enter the figure in our team's workbook."),
)
NO_FACTOR_ROWS = Message(N_("There are no factor rows."), N_("Add one row per factor below the header row."))
NOTHING_RATED_BOTH = Message(
    N_("No factor is rated for both sides, so no balance can be computed."),
    N_("Rate at least one factor for the supplier and for the key account."),
)
FACTS_DIFFER = Message(
    N_('"{value}" differs from "{first}" in an earlier row of the same account and period.'),
    N_("Use the same value in every row of one account and period."),
)
MISSING_FACTORS = Message(
    Nn_(
        "{count} factor of the catalog has no row and counts as not rated: {factors}.",
        "{count} factors of the catalog have no row and count as not rated: {factors}.",
    ),
)
OTHER_CATALOG = Message(
    N_('The workbook was made for the catalog "{declared}", but it is read with "{used}".'),
    N_("Read it with the matching catalog, or check that every factor still means the same."),
)
LOW_COVERAGE = Message(
    N_("Only {rated} of {total} factors are rated on both sides, so S and K rest on few factors."),
    N_("Rate more factors for both sides if you can."),
)
TYPE_UNKNOWN = Message(
    N_('"{value}" is not a relationship type of the catalog, so it is left blank.'),
    N_("Use one of these names: {options}; or leave the cell blank."),
)
VIEW_UNKNOWN = Message(
    N_('"{value}" is not a view: an assessment gives our view of both sides, or the key account\'s own.'),
    N_("Write one of these: {options}; or leave the cell blank for our own view."),
)
SHARE_UNKNOWN = Message(
    N_('"{value}" does not say whether the comment is shared with the key account.'),
    N_(
        'Write "ja" or "yes" to share it, "nein" or "no" to keep it internal; a blank cell keeps it internal.'
    ),
)
ZIP_BOMB = Message(
    N_("The file unpacks to far more than any assessment ({reason}) and is not opened."),
    N_("Save the assessment again from Excel or LibreOffice; if it really is this large, split it."),
)
XML_BOMB = Message(
    N_(
        "The file contains a document type declaration ({kind} in {part}), which workbooks never have; "
        "it is not opened."
    ),
    N_("Save the assessment again from Excel or LibreOffice."),
)
TOO_LARGE = Message(
    N_("The file has {size} MB, more than the {limit} MB an assessment export can have."),
    N_("Export only the accounts and periods you need."),
)
TOO_MANY_ROWS = Message(
    N_("The sheet has more than {limit} rows – far more than an assessment."),
    N_("Keep only the assessment in this sheet, one row per factor."),
)
READ_CRASHED = Message(
    N_("The file could not be read ({kind})."),
    N_("Save it again from Excel or LibreOffice; if that does not help, report it together with the file."),
)
TEXT_SHORTENED = Message(
    N_("The text has {length} characters; reports show the first {limit}."),
    N_("Shorten it if the end matters."),
)

# The Actions sheet. A bad row is left out with a warning, never the workbook: its ratings still count.
ACTIONS_NO_HEADER = Message(
    N_('No header row with an "{column}" column was found, so the sheet\'s actions are left out.'),
    N_('Put the headers "{column}", "{factor}", "{owner}", "{due}", "{status}" and "{shared}" in one row.'),
)
ACTION_TEXT_MISSING = Message(
    N_("The row names no action, so it is left out."),
    N_('Write what is to be done in the column "{column}", or clear the row.'),
)
ACTION_FACTOR_UNKNOWN = Message(
    N_('"{value}" is not a factor of the catalog {catalog}, so this action is left out.'),
    N_(
        "Use a factor's id or its title as the catalog has it, "
        "or leave the cell blank for an action on the relationship as a whole."
    ),
)
ACTION_FACTOR_UNKNOWN_NEAR = Message(
    N_('"{value}" is not a factor of the catalog {catalog}, so this action is left out.'),
    N_('Did you mean "{suggestion}"? Leave the cell blank for an action on the relationship as a whole.'),
)
ACTION_DUE_INVALID = Message(
    N_('"{value}" is not a date, so this action is left out.'),
    N_("Enter the due date such as 31.12.2026 or 2026-12-31, or leave the cell blank."),
)
ACTION_STATUS_UNKNOWN = Message(
    N_('"{value}" is not a status of an action, so this action is left out.'),
    N_("Write one of {options}; a blank status counts as {open}."),
)
ACTION_SHARE_UNKNOWN = Message(
    N_('"{value}" does not say whether the action is shared with the key account, so it is left out.'),
    N_("Write {yes} or {no}; a blank cell counts as {no}: the action stays internal."),
)
ACTIONS_OF_THE_KEY_ACCOUNT = Message(
    N_(
        "The key account's questionnaire has an actions sheet; actions are kept in our team's workbook "
        "only, so these are not read."
    ),
    N_("Copy the actions the key account proposes into our team's workbook of the same account and quarter."),
)
