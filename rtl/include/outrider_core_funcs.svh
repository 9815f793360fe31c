// SPDX-License-Identifier: Apache-2.0
// outrider_core_funcs.svh: small functions shared by the core's modules.
// Included inside a module body (after outrider_defs.svh and
// outrider_isa.svh); lowest_set uses the including module's NumCtx and TidW.

// {found, index} of the lowest set bit (hart.start and pex.spawn pick the
// lowest free context)
function automatic logic [TidW:0] lowest_set(input logic [NumCtx-1:0] v);
  lowest_set = '0;
  for (int c = NumCtx - 1; c >= 0; c--) begin
    if (v[c]) lowest_set = {1'b1, TidW'(c)};
  end
endfunction

// a load result from the raw bus word (lanes as addressed: byte a in lane
// a[1:0], so a word-crossing access's answer is rotated)
function automatic logic [31:0] load_extract(input logic [2:0]  f3,
                                             input logic [1:0]  alo,
                                             input logic [31:0] word);
  logic [15:0] shifted;
  shifted = 16'({word, word} >> {alo, 3'b000});  // rotated: a word-crossing access (outrider_dside_split)
  unique case (f3[1:0])
    SizeByte: load_extract = f3[2] ? {24'd0, shifted[7:0]}
                                   : {{24{shifted[7]}}, shifted[7:0]};
    SizeHalf: load_extract = f3[2] ? {16'd0, shifted[15:0]}
                                   : {{16{shifted[15]}}, shifted[15:0]};
    default:  load_extract = 32'({word, word} >> {alo, 3'b000});
  endcase
endfunction

// the bytes a p-thread's store buffer holds for a word, over the word
// memory returned (store-buffer forwarding)
function automatic logic [31:0] sb_merge(input logic [31:0] word, input logic [3:0] mask,
                                         input logic [31:0] data);
  for (int b = 0; b < 4; b++) begin
    sb_merge[8*b +: 8] = mask[b] ? data[8*b +: 8] : word[8*b +: 8];
  end
endfunction
