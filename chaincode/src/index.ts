// The chaincode package main: fabric-chaincode-node loads `contracts` from here.

import { GuaranteeContract } from './guarantee/contract';
import { MovementContract } from './movement/contract';
import { OpsContract } from './ops/contract';
import { RegistryContract } from './registry/contract';
import { dropCallsBelowLevel } from './shim-logging';

dropCallsBelowLevel();

export { GuaranteeContract, MovementContract, OpsContract, RegistryContract };
export const contracts = [RegistryContract, GuaranteeContract, MovementContract, OpsContract];
