"""The files reportgen writes besides the PDFs: exported figures, the fillable workbooks, plain
spreadsheets, every output file's name, and the records that keep make batches incremental.
"""
